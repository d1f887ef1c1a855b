// Personal access tokens through the real routes: a user creates, lists and revokes their own, and
// a token acts as its user with the user's current role on user and admin endpoints, exactly as a
// session would. Runs on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postConversation } from "@/app/api/conversations/route";
import { GET as listQueue } from "@/app/api/feedback/admin/list/route";
import { PUT as putSettings } from "@/app/api/feedback/admin/settings/route";
import { POST as submit } from "@/app/api/feedback/route";
import { hashSecret } from "@/server/auth/api-keys";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import type { Role } from "@/server/db/generated/enums";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie, type TestUser } from "@/test/http";
import { DELETE as revoke } from "./[id]/route";
import { GET as list, POST as create } from "./route";

const db = getDb();
const provider = getDatabaseProvider();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY_MS = 86_400_000;

type Org = Awaited<ReturnType<typeof createTestOrganization>>;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function tokenOf(org: Org, user: TestUser, role: Role, expires_in_days: number | null = 30): Promise<{ id: string; token: string }> {
  const cookie = await sessionCookie(user, org.organization.id, role);
  const response = await callRoute(create, { path: "/api/account/tokens", cookie, body: { name: `${role} script`, expires_in_days } });
  expect(response.status).toBe(201);
  return response.body as { id: string; token: string };
}

const queue = (token: string) => callRoute(listQueue, { path: "/api/feedback/admin/list", headers: bearer(token) });

describe(`personal access tokens: create, list, revoke (${provider})`, () => {
  let org: Org;
  let cookie: string;
  beforeAll(async () => {
    org = await createTestOrganization(db);
    cookie = await sessionCookie(org.member, org.organization.id, "member");
  });

  it("creates a token whose secret is shown once and stored hashed (201)", async () => {
    const before = Date.now();
    const response = await callRoute(create, { path: "/api/account/tokens", cookie, body: { name: "  laptop script ", expires_in_days: 30 } });
    expect(response.status).toBe(201);
    const body = response.body as { token: string; prefix: string; expires_at: string; id: string };
    expect(body).toEqual({
      id: expect.any(String),
      name: "laptop script",
      prefix: body.token.slice(0, 13),
      created_at: expect.stringMatching(ISO),
      expires_at: expect.stringMatching(ISO),
      last_used_at: null,
      revoked_at: null,
      token: expect.stringMatching(/^fk_pat_[\w-]{32}$/),
    });
    expect(Date.parse(body.expires_at) - before).toBeGreaterThanOrEqual(30 * DAY_MS - 1000);
    expect(Date.parse(body.expires_at) - before).toBeLessThanOrEqual(30 * DAY_MS + 5000);
    const stored = await db.selectFrom("PersonalAccessToken").select(["hashedToken", "userId"]).where("id", "=", body.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ hashedToken: hashSecret(body.token), userId: org.member.id });
  });

  it("creates a token that never expires", async () => {
    const response = await callRoute(create, { path: "/api/account/tokens", cookie, body: { name: "ci", expires_in_days: null } });
    expect(response).toMatchObject({ status: 201, body: { expires_at: null } });
  });

  it.each([
    ["an expiry not offered", { name: "x", expires_in_days: 5 }],
    ["an empty name", { name: "   ", expires_in_days: 7 }],
    ["no expiry choice", { name: "x" }],
  ])("answers 400 for %s", async (_label, body) => {
    expect(await callRoute(create, { path: "/api/account/tokens", cookie, body })).toMatchObject({ status: 400, body: { code: "validation_error" } });
  });

  it("lists the caller's own tokens, newest first, without secrets, with last use at minute precision", async () => {
    const other = await tokenOf(org, org.reviewer, "reviewer");
    const mine = await tokenOf(org, org.member, "member", 7);
    await callRoute(submit, { path: "/api/feedback", headers: bearer(mine.token), body: { message_id: "none", feedback_type: "positive" } });
    const first = await db.selectFrom("PersonalAccessToken").select("lastUsedAt").where("id", "=", mine.id).executeTakeFirstOrThrow();
    expect(first.lastUsedAt).toMatch(ISO);
    await callRoute(submit, { path: "/api/feedback", headers: bearer(mine.token), body: { message_id: "none", feedback_type: "positive" } });
    const second = await db.selectFrom("PersonalAccessToken").select("lastUsedAt").where("id", "=", mine.id).executeTakeFirstOrThrow();
    expect(second.lastUsedAt).toBe(first.lastUsedAt);
    const listed = await callRoute(list, { path: "/api/account/tokens", cookie });
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: Array<Record<string, unknown>> }).items;
    expect(items[0]).toEqual({ id: mine.id, name: "member script", prefix: mine.token.slice(0, 13), created_at: expect.stringMatching(ISO), expires_at: expect.stringMatching(ISO), last_used_at: first.lastUsedAt, revoked_at: null });
    expect(items.map((item) => item.id)).not.toContain(other.id);
    expect(JSON.stringify(listed.body)).not.toContain(mine.token);
  });

  it("revokes a token at once; revoking again is fine; another user's token is 404", async () => {
    const mine = await tokenOf(org, org.member, "member");
    const path = `/api/account/tokens/${mine.id}`;
    expect((await callRoute(revoke, { method: "DELETE", path, params: { id: mine.id }, cookie })).status).toBe(204);
    const revokedAt = (await db.selectFrom("PersonalAccessToken").select("revokedAt").where("id", "=", mine.id).executeTakeFirstOrThrow()).revokedAt;
    expect(await callRoute(list, { path: "/api/account/tokens", headers: bearer(mine.token) })).toEqual(
      expect.objectContaining({ status: 401, body: { detail: `This personal access token was revoked at ${revokedAt}`, code: "unauthenticated" } }),
    );
    expect((await callRoute(revoke, { method: "DELETE", path, params: { id: mine.id }, cookie })).status).toBe(204);
    const reviewerCookie = await sessionCookie(org.reviewer, org.organization.id, "reviewer");
    expect(await callRoute(revoke, { method: "DELETE", path, params: { id: mine.id }, cookie: reviewerCookie })).toMatchObject({
      status: 404,
      body: { detail: "Token not found", code: "not_found" },
    });
  });
});

describe(`a personal access token acts as its user (${provider})`, () => {
  let org: Org;
  beforeAll(async () => {
    org = await createTestOrganization(db);
  });

  it("with the user's role: a member's token is refused by the queue, a reviewer's and an admin's are not", async () => {
    expect(await queue((await tokenOf(org, org.member, "member")).token)).toMatchObject({ status: 403, body: { detail: "This needs the reviewer role", code: "forbidden" } });
    expect((await queue((await tokenOf(org, org.reviewer, "reviewer")).token)).status).toBe(200);
    const admin = await tokenOf(org, org.admin, "admin");
    const settings = await callRoute(putSettings, { method: "PUT", path: "/api/feedback/admin/settings", headers: bearer(admin.token), body: { max_reason_length: 500 } });
    expect(settings).toMatchObject({ status: 200, body: { max_reason_length: 500 } });
  });

  it("with the role the user has now, read on every request", async () => {
    const user = await createTestOrganization(db);
    const { token } = await tokenOf(user, user.reviewer, "reviewer");
    expect((await queue(token)).status).toBe(200);
    await db.updateTable("Membership").set({ role: "member" }).where("userId", "=", user.reviewer.id).execute();
    expect((await queue(token)).status).toBe(403);
    await db.deleteFrom("Membership").where("userId", "=", user.reviewer.id).execute();
    expect(await queue(token)).toMatchObject({
      status: 401,
      body: { detail: "This personal access token's user is no longer a member of the organization", code: "unauthenticated" },
    });
  });

  it("writes from any origin: a bearer token is not a cookie, so no cross-site check applies", async () => {
    const { messages } = await createTestConversation(db, org.organization.id, org.member.id);
    const { token } = await tokenOf(org, org.member, "member");
    const response = await callRoute(submit, {
      path: "/api/feedback",
      headers: { ...bearer(token), origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" },
      body: { message_id: messages[1]!.id, feedback_type: "positive" },
    });
    expect(response).toMatchObject({ status: 201, body: { user_id: org.member.id } });
  });

  it("answers 401 with the reason once expired, and for unknown tokens", async () => {
    const { id, token } = await tokenOf(org, org.member, "member", 7);
    const expiredAt = new Date(Date.now() - 1000).toISOString();
    await db.updateTable("PersonalAccessToken").set({ expiresAt: expiredAt }).where("id", "=", id).execute();
    expect(await queue(token)).toMatchObject({ status: 401, body: { detail: `This personal access token expired at ${expiredAt}`, code: "unauthenticated" } });
    expect(await queue("fk_pat_unknown")).toMatchObject({ status: 401, body: { detail: "Invalid personal access token", code: "unauthenticated" } });
  });

  it("is not an API key: ingestion refuses it", async () => {
    const { token } = await tokenOf(org, org.admin, "admin");
    const response = await callRoute(postConversation, { path: "/api/conversations", headers: bearer(token), body: { user_email: org.member.email } });
    expect(response).toMatchObject({ status: 401, body: { detail: "Invalid or revoked API key", code: "unauthenticated" } });
  });
});
