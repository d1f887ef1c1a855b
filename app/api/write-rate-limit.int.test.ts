// The write limits through real route handlers (define-route.ts): per user for sessions, personal
// access tokens and feedback tokens alike, per key for organization API keys, and feedback-token
// minting per key on top; reads are never limited. Limits are lowered for this file only.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postAccessToken } from "@/app/api/account/tokens/route";
import { POST as postConversation } from "@/app/api/conversations/route";
import { POST as mintFeedbackToken } from "@/app/api/feedback-tokens/route";
import { GET as getMessageFeedback } from "@/app/api/feedback/message/[message_id]/route";
import { POST as submitFeedback } from "@/app/api/feedback/route";
import { createApiKey } from "@/server/auth/api-keys";
import { getDb } from "@/server/db/database";
import { countOf } from "@/test/db";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";

const db = getDb();

// Read when the limiters are first used, which is after this.
beforeAll(() => {
  process.env.RATE_LIMIT_WRITES_PER_MINUTE = "3";
  process.env.RATE_LIMIT_API_KEY_WRITES_PER_MINUTE = "2";
  process.env.RATE_LIMIT_FEEDBACK_TOKENS_PER_MINUTE = "1";
});

const LIMITED_BODY = {
  detail: expect.stringMatching(/^Rate limit reached: at most 3 writes per user a minute\. Try again in \d+ s\.$/),
  code: "rate_limited",
};

async function signedInMember() {
  const org = await createTestOrganization(db);
  const { messages } = await createTestConversation(db, org.organization.id, org.member.id, 3);
  const cookie = await sessionCookie(org.member, org.organization.id, "member");
  const vote = (messageIndex: number, feedbackType: "positive" | "negative" = "positive") =>
    callRoute(submitFeedback, { path: "/api/feedback", cookie, body: { message_id: messages[messageIndex]!.id, feedback_type: feedbackType } });
  return { org, messages, cookie, vote };
}

describe("write rate limit per user", () => {
  it("answers 429 with Retry-After and the error body once a user's writes are used up, and writes nothing", async () => {
    const { org, messages, cookie, vote } = await signedInMember();
    expect((await vote(1)).status).toBe(201);
    expect((await vote(1, "negative")).status).toBe(200);
    expect((await vote(3)).status).toBe(201);
    const refused = await vote(5);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual(LIMITED_BODY);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await countOf(db.selectFrom("Feedback").where("organizationId", "=", org.organization.id).where("messageId", "=", messages[5]!.id))).toBe(0);
    // Reads go on.
    const read = await callRoute(getMessageFeedback, {
      path: `/api/feedback/message/${messages[1]!.id}`,
      params: { message_id: messages[1]!.id },
      cookie,
    });
    expect(read.status).toBe(200);
  });

  it("counts invalid writes too, and every user on their own", async () => {
    const first = await signedInMember();
    for (let call = 0; call < 3; call++) {
      expect((await callRoute(submitFeedback, { path: "/api/feedback", cookie: first.cookie, body: "{not json" })).status).toBe(400);
    }
    expect((await first.vote(1)).status).toBe(429);
    const second = await signedInMember();
    expect((await second.vote(1)).status).toBe(201);
  });

  it("counts a personal access token and a feedback token as their user: one bucket for every credential", async () => {
    const { org, cookie, vote } = await signedInMember();
    // Creating the token is the user's first write.
    const created = await callRoute(postAccessToken, { path: "/api/account/tokens", cookie, body: { name: "script", expires_in_days: 7 } });
    const personal = { authorization: `Bearer ${(created.body as { token: string }).token}` };
    const { messages } = await createTestConversation(db, org.organization.id, org.member.id, 3);
    const voteWith = (headers: Record<string, string>, index: number) =>
      callRoute(submitFeedback, { path: "/api/feedback", headers, body: { message_id: messages[index]!.id, feedback_type: "positive" } });
    expect((await voteWith(personal, 1)).status).toBe(201);
    const key = (await createApiKey(db, { organizationId: org.organization.id, name: "host", scopes: ["feedback_tokens:mint"] })).key;
    const minted = await callRoute(mintFeedbackToken, { path: "/api/feedback-tokens", headers: { authorization: `Bearer ${key}` }, body: { user_id: org.member.id } });
    const feedbackToken = { authorization: `Bearer ${(minted.body as { token: string }).token}` };
    expect((await voteWith(feedbackToken, 3)).status).toBe(201);
    expect((await voteWith(feedbackToken, 5)).status).toBe(429);
    expect((await voteWith(personal, 5)).status).toBe(429);
    expect((await vote(5)).status).toBe(429);
  });

  it("does not count anonymous requests against anyone", async () => {
    const { vote } = await signedInMember();
    for (let call = 0; call < 5; call++) {
      expect((await callRoute(submitFeedback, { path: "/api/feedback", body: { message_id: "m", feedback_type: "positive" } })).status).toBe(401);
    }
    expect((await vote(1)).status).toBe(201);
  });
});

describe("write rate limit per API key", () => {
  it("limits each organization API key on its own", async () => {
    const org = await createTestOrganization(db);
    const keyA = (await createApiKey(db, { organizationId: org.organization.id, name: "backend a", scopes: ["conversations:write"] })).key;
    const keyB = (await createApiKey(db, { organizationId: org.organization.id, name: "backend b", scopes: ["conversations:write"] })).key;
    const ingest = (key: string, externalId: string) =>
      callRoute(postConversation, {
        path: "/api/conversations",
        headers: { authorization: `Bearer ${key}` },
        body: { user_email: org.member.email, external_id: externalId, messages: [{ role: "user", content: "Hi" }] },
      });
    expect((await ingest(keyA, "a-1")).status).toBe(201);
    expect((await ingest(keyA, "a-2")).status).toBe(201);
    const refused = await ingest(keyA, "a-3");
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      detail: expect.stringMatching(/^Rate limit reached: at most 2 writes per API key a minute\. Try again in \d+ s\.$/),
      code: "rate_limited",
    });
    expect(await countOf(db.selectFrom("Conversation").where("organizationId", "=", org.organization.id).where("externalId", "=", "a-3"))).toBe(0);
    expect((await ingest(keyB, "b-1")).status).toBe(201);
  });

  it("limits feedback-token minting per API key, in a bucket of its own", async () => {
    const org = await createTestOrganization(db);
    const mintWith = (key: string) =>
      callRoute(mintFeedbackToken, { path: "/api/feedback-tokens", headers: { authorization: `Bearer ${key}` }, body: { user_email: org.member.email } });
    const keyA = (await createApiKey(db, { organizationId: org.organization.id, name: "host a", scopes: ["feedback_tokens:mint"] })).key;
    const keyB = (await createApiKey(db, { organizationId: org.organization.id, name: "host b", scopes: ["feedback_tokens:mint"] })).key;
    expect((await mintWith(keyA)).status).toBe(201);
    const refused = await mintWith(keyA);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      detail: expect.stringMatching(/^Rate limit reached: at most 1 feedback tokens minted per API key a minute\. Try again in \d+ s\.$/),
      code: "rate_limited",
    });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await mintWith(keyB)).status).toBe(201);
  });
});
