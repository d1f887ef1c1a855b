// The organization's API keys through the real routes: admins create (secret shown once), list and
// revoke them; every change is audited; a revoked key stops at once. Runs on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postConversation } from "@/app/api/conversations/route";
import { hashSecret } from "@/server/auth/api-keys";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { DELETE as revoke } from "./[id]/route";
import { GET as list, POST as create } from "./route";

const db = getDb();
const provider = getDatabaseProvider();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`/api/admin/api-keys (${provider})`, () => {
  let org: Awaited<ReturnType<typeof createTestOrganization>>;
  let admin: string;
  beforeAll(async () => {
    org = await createTestOrganization(db);
    admin = await sessionCookie(org.admin, org.organization.id, "admin");
  });

  const createKey = (body: unknown, cookie = admin) => callRoute(create, { path: "/api/admin/api-keys", cookie, body });
  const revokeKey = (id: string, cookie = admin) => callRoute(revoke, { method: "DELETE", path: `/api/admin/api-keys/${id}`, params: { id }, cookie });

  it("creates a key with its scopes; the secret is shown once, stored hashed, and audited (201)", async () => {
    const response = await createKey({ name: "chat backend", scopes: ["conversations:write", "feedback_tokens:mint", "conversations:write"] });
    expect(response.status).toBe(201);
    const body = response.body as { id: string; key: string };
    expect(body).toEqual({
      id: expect.any(String),
      name: "chat backend",
      prefix: body.key.slice(0, 13),
      scopes: ["conversations:write", "feedback_tokens:mint"],
      created_at: expect.stringMatching(ISO),
      created_by_email: org.admin.email,
      last_used_at: null,
      revoked_at: null,
      key: expect.stringMatching(/^fk_key_[\w-]{32}$/),
    });
    const stored = await db.selectFrom("ApiKey").select(["hashedKey", "scopes"]).where("id", "=", body.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ hashedKey: hashSecret(body.key), scopes: "conversations:write feedback_tokens:mint" });
    const audit = await db.selectFrom("AuditLog").select(["action", "actorUserId", "targetId", "data"]).where("targetId", "=", body.id).execute();
    expect(audit).toEqual([
      {
        action: "api_key.created",
        actorUserId: org.admin.id,
        targetId: body.id,
        data: { name: "chat backend", prefix: body.key.slice(0, 13), scopes: ["conversations:write", "feedback_tokens:mint"] },
      },
    ]);
  });

  it.each([
    ["no scopes", { name: "k", scopes: [] }, "body.scopes: must name at least one scope"],
    ["an unknown scope", { name: "k", scopes: ["admin"] }, undefined],
    ["an empty name", { name: " ", scopes: ["feedback:read"] }, "body.name: must not be empty"],
  ])("answers 400 for %s", async (_label, body, detail) => {
    const response = await createKey(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: "validation_error", ...(detail ? { detail } : {}) });
  });

  it("lists the organization's keys newest first, without secrets; other organizations' keys are absent", async () => {
    const other = await createTestOrganization(db);
    await createKey({ name: "elsewhere", scopes: ["feedback:read"] }, await sessionCookie(other.admin, other.organization.id, "admin"));
    const created = (await createKey({ name: "newest", scopes: ["feedback:read"] })).body as { id: string; key: string };
    const listed = await callRoute(list, { path: "/api/admin/api-keys", cookie: admin });
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: Array<{ id: string; name: string }> }).items;
    expect(items[0]).toEqual({
      id: created.id,
      name: "newest",
      prefix: created.key.slice(0, 13),
      scopes: ["feedback:read"],
      created_at: expect.stringMatching(ISO),
      created_by_email: org.admin.email,
      last_used_at: null,
      revoked_at: null,
    });
    expect(items.map((item) => item.name)).not.toContain("elsewhere");
    expect(JSON.stringify(listed.body)).not.toContain(created.key);
  });

  it("revokes a key at once, audited once; another organization's admin gets 404", async () => {
    const created = (await createKey({ name: "to revoke", scopes: ["conversations:write"] })).body as { id: string; key: string };
    const ingest = () => callRoute(postConversation, { path: "/api/conversations", headers: { authorization: `Bearer ${created.key}` }, body: { user_email: org.member.email } });
    expect((await ingest()).status).toBe(201);
    const other = await createTestOrganization(db);
    expect(await revokeKey(created.id, await sessionCookie(other.admin, other.organization.id, "admin"))).toMatchObject({
      status: 404,
      body: { detail: "API key not found", code: "not_found" },
    });
    expect((await revokeKey(created.id)).status).toBe(204);
    expect(await ingest()).toMatchObject({ status: 401, body: { detail: "Invalid or revoked API key", code: "unauthenticated" } });
    expect((await revokeKey(created.id)).status).toBe(204);
    const actions = await db.selectFrom("AuditLog").select("action").where("targetId", "=", created.id).orderBy("createdAt").execute();
    expect(actions.map((entry) => entry.action)).toEqual(["api_key.created", "api_key.revoked"]);
    const listed = (await callRoute(list, { path: "/api/admin/api-keys", cookie: admin })).body as { items: Array<{ id: string; revoked_at: string | null; last_used_at: string | null }> };
    expect(listed.items.find((item) => item.id === created.id)).toMatchObject({ revoked_at: expect.stringMatching(ISO), last_used_at: expect.stringMatching(ISO) });
  });

  it("is for admins only", async () => {
    const reviewer = await sessionCookie(org.reviewer, org.organization.id, "reviewer");
    const refused = { status: 403, body: { detail: "This needs the admin role", code: "forbidden" } };
    expect(await callRoute(list, { path: "/api/admin/api-keys", cookie: reviewer })).toMatchObject(refused);
    expect(await createKey({ name: "k", scopes: ["feedback:read"] }, reviewer)).toMatchObject(refused);
  });
});
