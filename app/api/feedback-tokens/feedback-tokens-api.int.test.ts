// Feedback tokens end to end through the real routes: a host backend mints one with an API key that
// has the `feedback_tokens:mint` scope, and the user's browser calls the user feedback endpoints with
// it. Runs on SQLite and PostgreSQL.
import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listChats } from "@/app/api/chat/conversations/route";
import { GET as getConfig } from "@/app/api/feedback/config/route";
import { GET as listQueue } from "@/app/api/feedback/admin/list/route";
import { DELETE as withdraw, GET as readVote } from "@/app/api/feedback/message/[message_id]/route";
import { GET as listVotes, POST as submit } from "@/app/api/feedback/route";
import { createApiKey } from "@/server/auth/api-keys";
import { mintFeedbackToken } from "@/server/auth/feedback-tokens";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute } from "@/test/http";
import { POST as mint } from "./route";

const db = getDb();
const provider = getDatabaseProvider();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function setup() {
  const org = await createTestOrganization(db);
  const { key } = await createApiKey(db, { organizationId: org.organization.id, name: "host", scopes: ["feedback_tokens:mint"] });
  const first = await createTestConversation(db, org.organization.id, org.member.id);
  const second = await createTestConversation(db, org.organization.id, org.member.id);
  return { ...org, key, first, second };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const mintWith = (key: string | undefined, body: unknown) =>
  callRoute(mint, { method: "POST", path: "/api/feedback-tokens", body, headers: key ? { authorization: `Bearer ${key}` } : {} });

async function tokenFor(s: Setup, body: Record<string, unknown>): Promise<string> {
  const response = await mintWith(s.key, body);
  expect(response.status).toBe(201);
  return (response.body as { token: string }).token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const vote = (token: string, messageId: string, headers: Record<string, string> = {}) =>
  callRoute(submit, { path: "/api/feedback", body: { message_id: messageId, feedback_type: "positive" }, headers: { ...bearer(token), ...headers } });
const read = (token: string, messageId: string) =>
  callRoute(readVote, { path: `/api/feedback/message/${messageId}`, params: { message_id: messageId }, headers: bearer(token) });

describe(`POST /api/feedback-tokens (${provider})`, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  it("mints a 15-minute token for a member named by email (201)", async () => {
    const response = await mintWith(s.key, { user_email: s.member.email.toUpperCase() });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ token: expect.any(String), token_type: "Bearer", expires_at: expect.stringMatching(ISO), expires_in: 900 });
    const claims = decodeJwt((response.body as { token: string }).token);
    expect(claims).toEqual({
      iss: "feedback-kit",
      aud: "feedback-kit:feedback",
      sub: s.member.id,
      org: s.organization.id,
      jti: expect.any(String),
      iat: expect.any(Number),
      exp: (claims.iat ?? 0) + 900,
    });
  });

  it("mints for a user id, limited to one of their conversations, with a chosen lifetime", async () => {
    const response = await mintWith(s.key, { user_id: s.member.id, conversation_id: s.first.conversation.id, ttl_seconds: 60 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ expires_in: 60 });
    expect(decodeJwt((response.body as { token: string }).token)).toMatchObject({ sub: s.member.id, cid: s.first.conversation.id });
  });

  it("answers 404 unknown_user for someone who is not a member of the key's organization", async () => {
    const other = await createTestOrganization(db);
    expect(await mintWith(s.key, { user_email: other.member.email })).toEqual(
      expect.objectContaining({ status: 404, body: { detail: "No member of this organization has this user_email", code: "unknown_user" } }),
    );
    expect((await mintWith(s.key, { user_id: other.member.id })).body).toEqual({ detail: "No member of this organization has this user_id", code: "unknown_user" });
  });

  it("answers 404 for a conversation that is not the user's", async () => {
    const reviewersChat = await createTestConversation(db, s.organization.id, s.reviewer.id);
    const response = await mintWith(s.key, { user_id: s.member.id, conversation_id: reviewersChat.conversation.id });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: "Conversation not found (it must be one of this user's conversations)", code: "not_found" });
  });

  it.each([
    ["neither user_email nor user_id", {}, "body.user_email: give exactly one of user_email and user_id"],
    ["both", { user_email: "a@b.test", user_id: "x" }, "body.user_email: give exactly one of user_email and user_id"],
    ["a lifetime over an hour", { user_email: "a@b.test", ttl_seconds: 3601 }, "body.ttl_seconds: must be at most 3600 (one hour)"],
    ["a lifetime under a minute", { user_email: "a@b.test", ttl_seconds: 59 }, "body.ttl_seconds: must be at least 60"],
  ])("answers 400 for %s", async (_label, body, detail) => {
    const response = await mintWith(s.key, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ detail, code: "validation_error" });
  });

  it("needs an API key with the feedback_tokens:mint scope", async () => {
    expect((await mintWith(undefined, { user_email: s.member.email })).body).toEqual({
      detail: "An organization API key is required: Authorization: Bearer fk_key_…",
      code: "unauthenticated",
    });
    const ingestion = await createApiKey(db, { organizationId: s.organization.id, name: "ingestion", scopes: ["conversations:write"] });
    const refused = await mintWith(ingestion.key, { user_email: s.member.email });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ detail: 'This API key lacks the "feedback_tokens:mint" scope this endpoint needs', code: "missing_scope" });
    const revoked = await createApiKey(db, { organizationId: s.organization.id, name: "revoked", scopes: ["feedback_tokens:mint"] });
    await db.updateTable("ApiKey").set({ revokedAt: new Date().toISOString() }).where("id", "=", revoked.id).execute();
    expect(await mintWith(revoked.key, { user_email: s.member.email })).toMatchObject({ status: 401, body: { detail: "Invalid or revoked API key", code: "unauthenticated" } });
  });
});

describe(`a feedback token in the browser (${provider})`, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  it("submits, reads, lists and withdraws the user's feedback, and reads the config", async () => {
    const token = await tokenFor(s, { user_email: s.member.email });
    const message = s.first.messages[1]!.id;
    // From another origin: bearer writes are not cookie writes, so no cross-site check applies.
    const created = await vote(token, message, { origin: "https://chat.example", "sec-fetch-site": "cross-site" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ message_id: message, user_id: s.member.id, feedback_type: "positive" });
    expect((await read(token, message)).body).toMatchObject({ message_id: message, user_id: s.member.id });
    const listed = await callRoute(listVotes, { path: `/api/feedback?conversation_id=${s.first.conversation.id}`, headers: bearer(token) });
    expect(listed.status).toBe(200);
    expect((listed.body as { items: unknown[] }).items).toHaveLength(1);
    const config = await callRoute(getConfig, { path: "/api/feedback/config", headers: bearer(token) });
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({ feedback_enabled: true });
    const withdrawn = await callRoute(withdraw, { method: "DELETE", path: `/api/feedback/message/${message}`, params: { message_id: message }, headers: bearer(token) });
    expect(withdrawn.status).toBe(204);
    expect((await read(token, message)).body).toBeNull();
  });

  it("is refused with 403 by every other endpoint, even for an admin", async () => {
    const token = await tokenFor(s, { user_email: s.admin.email });
    const refusal = { detail: "A feedback token can only submit, withdraw and read feedback", code: "feedback_token_not_allowed" };
    expect(await callRoute(listQueue, { path: "/api/feedback/admin/list", headers: bearer(token) })).toMatchObject({ status: 403, body: refusal });
    expect(await callRoute(listChats, { path: "/api/chat/conversations", headers: bearer(token) })).toMatchObject({ status: 403, body: refusal });
  });

  it("acts at member level: a reviewer's token does not see other users' messages", async () => {
    const token = await tokenFor(s, { user_email: s.reviewer.email });
    expect(await read(token, s.first.messages[1]!.id)).toMatchObject({ status: 404, body: { detail: "Message not found", code: "not_found" } });
  });

  it("with a conversation claim, answers 404 for every other conversation and its messages", async () => {
    const token = await tokenFor(s, { user_email: s.member.email, conversation_id: s.first.conversation.id });
    expect((await vote(token, s.first.messages[3]!.id)).status).toBe(201);
    const outside = s.second.messages[1]!.id;
    expect(await vote(token, outside)).toMatchObject({ status: 404, body: { detail: "Message not found", code: "not_found" } });
    expect(await read(token, outside)).toMatchObject({ status: 404, body: { detail: "Message not found", code: "not_found" } });
    const otherChat = await callRoute(listVotes, { path: `/api/feedback?conversation_id=${s.second.conversation.id}`, headers: bearer(token) });
    expect(otherChat).toMatchObject({ status: 404, body: { detail: "Conversation not found", code: "not_found" } });
    // Votes the user cast elsewhere (with a session) are absent from a list by message ids.
    const full = await tokenFor(s, { user_email: s.member.email });
    expect((await vote(full, outside)).status).toBe(201);
    const byIds = await callRoute(listVotes, { path: `/api/feedback?message_ids=${s.first.messages[3]!.id},${outside}`, headers: bearer(token) });
    expect((byIds.body as { items: Array<{ message_id: string }> }).items.map((item) => item.message_id)).toEqual([s.first.messages[3]!.id]);
  });

  it("answers 401 once expired, forged or its user removed", async () => {
    const expired = await mintFeedbackToken(
      { db, actor: { kind: "api_key", apiKeyId: "k", organizationId: s.organization.id, scopes: ["feedback_tokens:mint"] }, now: () => new Date(Date.now() - 3_600_000) },
      { user_email: s.member.email, ttl_seconds: 60 },
    );
    expect(await read(expired.token, s.first.messages[1]!.id)).toMatchObject({
      status: 401,
      body: { detail: "The feedback token has expired: ask the host for a new one", code: "unauthenticated" },
    });
    const token = await tokenFor(s, { user_email: s.member.email });
    const [header, payload, signature] = token.split(".");
    const forged = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith("AA") ? "BB" : "AA"}`;
    expect(await read(forged, s.first.messages[1]!.id)).toMatchObject({ status: 401, body: { detail: "Invalid bearer token", code: "unauthenticated" } });
    const removed = await createTestOrganization(db);
    const { key } = await createApiKey(db, { organizationId: removed.organization.id, name: "host", scopes: ["feedback_tokens:mint"] });
    const minted = await mintWith(key, { user_email: removed.member.email });
    await db.deleteFrom("Membership").where("userId", "=", removed.member.id).execute();
    expect(await read((minted.body as { token: string }).token, s.first.messages[1]!.id)).toMatchObject({
      status: 401,
      body: { detail: "The feedback token's user is no longer a member of the organization", code: "unauthenticated" },
    });
  });
});
