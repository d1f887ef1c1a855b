// API key scopes through the real routes: each endpoint that takes a key names the scope it needs,
// and a key without it is refused with 403 `missing_scope`. Runs on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiKeyScope } from "@/lib/api/api-key-scopes";
import { GET as getItem } from "@/app/api/feedback/admin/[id]/route";
import { POST as resolve } from "@/app/api/feedback/admin/[id]/resolve/route";
import { GET as listQueue } from "@/app/api/feedback/admin/list/route";
import { GET as getDailyStats } from "@/app/api/feedback/admin/stats/daily/route";
import { GET as getStats } from "@/app/api/feedback/admin/stats/route";
import { GET as listGolden } from "@/app/api/feedback/golden-examples/route";
import { POST as submit } from "@/app/api/feedback/route";
import { POST as postConversation } from "@/app/api/conversations/route";
import { createApiKey } from "@/server/auth/api-keys";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";

const db = getDb();
const provider = getDatabaseProvider();

describe(`API key scopes (${provider})`, () => {
  let org: Awaited<ReturnType<typeof createTestOrganization>>;
  let feedbackId: string;
  const keys: Partial<Record<ApiKeyScope | "none", string>> = {};
  const bearer = (scope: ApiKeyScope | "none") => ({ authorization: `Bearer ${keys[scope]}` });
  beforeAll(async () => {
    org = await createTestOrganization(db);
    for (const scope of ["conversations:write", "feedback_tokens:mint", "feedback:read"] as const) {
      keys[scope] = (await createApiKey(db, { organizationId: org.organization.id, name: scope, scopes: [scope] })).key;
    }
    keys.none = (await createApiKey(db, { organizationId: org.organization.id, name: "none", scopes: [] })).key;
    const { messages } = await createTestConversation(db, org.organization.id, org.member.id);
    const cookie = await sessionCookie(org.member, org.organization.id, "member");
    const vote = await callRoute(submit, { path: "/api/feedback", cookie, body: { message_id: messages[1]!.id, feedback_type: "negative" } });
    feedbackId = (vote.body as { id: string }).id;
  });

  it("ingestion needs conversations:write", async () => {
    const body = { user_email: org.member.email };
    expect((await callRoute(postConversation, { path: "/api/conversations", body, headers: bearer("conversations:write") })).status).toBe(201);
    for (const scope of ["feedback:read", "feedback_tokens:mint", "none"] as const) {
      expect(await callRoute(postConversation, { path: "/api/conversations", body, headers: bearer(scope) })).toMatchObject({
        status: 403,
        body: { detail: 'This API key lacks the "conversations:write" scope this endpoint needs', code: "missing_scope" },
      });
    }
  });

  it("feedback:read opens the queue, one item and the stats, for the key's organization", async () => {
    const queue = await callRoute(listQueue, { path: "/api/feedback/admin/list", headers: bearer("feedback:read") });
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ total: 1, items: [{ id: feedbackId, user_email: org.member.email }] });
    const item = await callRoute(getItem, { path: `/api/feedback/admin/${feedbackId}`, params: { id: feedbackId }, headers: bearer("feedback:read") });
    expect(item).toMatchObject({ status: 200, body: { id: feedbackId } });
    expect(await callRoute(getStats, { path: "/api/feedback/admin/stats", headers: bearer("feedback:read") })).toMatchObject({
      status: 200,
      body: { total_feedback: 1, negative_count: 1 },
    });
    expect((await callRoute(getDailyStats, { path: "/api/feedback/admin/stats/daily", headers: bearer("feedback:read") })).status).toBe(200);
    // Another organization's key sees none of it.
    const other = await createTestOrganization(db);
    const otherKey = (await createApiKey(db, { organizationId: other.organization.id, name: "r", scopes: ["feedback:read"] })).key;
    const hidden = await callRoute(getItem, { path: `/api/feedback/admin/${feedbackId}`, params: { id: feedbackId }, headers: { authorization: `Bearer ${otherKey}` } });
    expect(hidden).toMatchObject({ status: 404, body: { detail: "Feedback not found", code: "not_found" } });
  });

  it("a key without feedback:read is refused there; no key opens writes or other review endpoints", async () => {
    expect(await callRoute(listQueue, { path: "/api/feedback/admin/list", headers: bearer("conversations:write") })).toMatchObject({
      status: 403,
      body: { detail: 'This API key lacks the "feedback:read" scope this endpoint needs', code: "missing_scope" },
    });
    const notForKeys = { detail: "Organization API keys cannot call user endpoints; use a user's session or token", code: "api_key_not_allowed" };
    const resolved = await callRoute(resolve, { path: `/api/feedback/admin/${feedbackId}/resolve`, params: { id: feedbackId }, body: {}, headers: bearer("feedback:read") });
    expect(resolved).toMatchObject({ status: 403, body: notForKeys });
    expect(await callRoute(listGolden, { path: "/api/feedback/golden-examples", headers: bearer("feedback:read") })).toMatchObject({ status: 403, body: notForKeys });
  });
});
