// Table-driven bad input: every case gets a 4xx with a clear message, never a 500, and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { ErrorCode } from "@/lib/api/error-codes";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { countOf } from "@/test/db";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { DELETE as withdraw, GET as getMessage } from "./message/[message_id]/route";
import { GET as listFeedback, POST as submit } from "./route";

const db = getDb();

let cookie: string;
let messageId: string;
let organizationId: string;
let otherOrgMessageId: string;
let otherOrgConversationId: string;
let conversationId: string;

beforeAll(async () => {
  const org = await createTestOrganization(db);
  organizationId = org.organization.id;
  const { conversation, messages } = await createTestConversation(db, organizationId, org.member.id);
  messageId = messages[1]!.id;
  conversationId = conversation.id;
  cookie = await sessionCookie(org.member, organizationId, "member");
  // A vote that every case must leave exactly as it is.
  const now = isoNow();
  await db
    .insertInto("Feedback")
    .values({
      id: newId(),
      organizationId,
      messageId: messages[3]!.id,
      conversationId: conversation.id,
      userId: org.member.id,
      feedbackType: "positive",
      reason: "keep me",
      reasonKeys: "[]",
      status: "pending",
      revision: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const other = await createTestOrganization(db);
  const otherChat = await createTestConversation(db, other.organization.id, other.member.id);
  otherOrgMessageId = otherChat.messages[1]!.id;
  otherOrgConversationId = otherChat.conversation.id;
});

async function snapshot() {
  return {
    feedback: await db.selectFrom("Feedback").selectAll().where("organizationId", "=", organizationId).orderBy("id").execute(),
    jobs: await countOf(db.selectFrom("Job").where("organizationId", "=", organizationId)),
    goldenExamples: await countOf(db.selectFrom("GoldenExample").where("organizationId", "=", organizationId)),
    audit: await countOf(db.selectFrom("AuditLog").where("organizationId", "=", organizationId)),
  };
}

type BodyCase = [label: string, body: () => unknown, status: number, code: ErrorCode, detail: RegExp];

const submitCases: BodyCase[] = [
  ["malformed JSON", () => '{"message_id": ', 400, "malformed_json", /^Malformed JSON body/],
  ["an empty body", () => "", 400, "body_required", /^Request body is required/],
  ["a JSON array", () => [], 400, "validation_error", /^body: Invalid input: expected object, received array/],
  ["a JSON string", () => '"positive"', 400, "validation_error", /^body: Invalid input: expected object/],
  ["JSON null", () => "null", 400, "validation_error", /^body: Invalid input: expected object, received null/],
  ["a missing message_id", () => ({ feedback_type: "positive" }), 400, "validation_error", /^body\.message_id: /],
  ["a numeric message_id", () => ({ message_id: 42, feedback_type: "positive" }), 400, "validation_error", /^body\.message_id: Invalid input: expected string, received number/],
  ["an empty message_id", () => ({ message_id: "", feedback_type: "positive" }), 400, "validation_error", /^body\.message_id: must not be empty/],
  ["an unknown feedback_type", () => ({ message_id: messageId, feedback_type: "neutral" }), 400, "validation_error", /^body\.feedback_type: Invalid option: expected one of "positive"\|"negative"/],
  ["feedback_type in capitals", () => ({ message_id: messageId, feedback_type: "POSITIVE" }), 400, "validation_error", /^body\.feedback_type: Invalid option/],
  ["a missing feedback_type", () => ({ message_id: messageId }), 400, "validation_error", /^body\.feedback_type: /],
  ["a numeric reason", () => ({ message_id: messageId, feedback_type: "negative", reason: 5 }), 400, "validation_error", /^body\.reason: Invalid input: expected string, received number/],
  ["an object reason", () => ({ message_id: messageId, feedback_type: "negative", reason: { text: "x" } }), 400, "validation_error", /^body\.reason: /],
  ["a reason over the organization's limit", () => ({ message_id: messageId, feedback_type: "negative", reason: "x".repeat(1001) }), 400, "reason_too_long", /^reason is longer than 1000 characters$/],
  ["a reason over the hard limit", () => ({ message_id: messageId, feedback_type: "negative", reason: "x".repeat(10_001) }), 400, "validation_error", /^body\.reason: must be at most 10000 characters$/],
  ["a NUL byte in the reason", () => ({ message_id: messageId, feedback_type: "negative", reason: "bad\u0000reason" }), 400, "validation_error", /^body\.reason: must not contain NUL characters$/],
  ["a NUL byte in message_id", () => ({ message_id: `${messageId}\u0000`, feedback_type: "positive" }), 400, "validation_error", /^body\.message_id: must not contain NUL characters$/],
  ["reason_keys that are not a list", () => ({ message_id: messageId, feedback_type: "negative", reason_keys: "incorrect" }), 400, "validation_error", /^body\.reason_keys: /],
  ["an unknown reason option", () => ({ message_id: messageId, feedback_type: "negative", reason_keys: ["rude"] }), 400, "unknown_reason_option", /^Unknown reason option for negative feedback: rude/],
  ["a positive option on negative feedback", () => ({ message_id: messageId, feedback_type: "negative", reason_keys: ["helpful"] }), 400, "unknown_reason_option", /^Unknown reason option/],
  ["a body over 64 KiB", () => ({ message_id: messageId, feedback_type: "negative", reason: "x".repeat(70_000) }), 400, "body_too_large", /^Request body is larger than 65536 bytes$/],
  ["another organization's message", () => ({ message_id: otherOrgMessageId, feedback_type: "positive" }), 404, "not_found", /^Message not found$/],
  ["an id that looks like SQL", () => ({ message_id: "' OR 1=1 --", feedback_type: "positive" }), 404, "not_found", /^Message not found$/],
  ["an over-long id", () => ({ message_id: "m".repeat(129), feedback_type: "positive" }), 400, "validation_error", /^body\.message_id: must be at most 128 characters$/],
];

describe(`bad input never changes data (${getDatabaseProvider()})`, () => {
  it.each(submitCases)("POST /api/feedback with %s → %i %s", async (_label, body, status, code, detail) => {
    const before = await snapshot();
    const response = await callRoute(submit, { method: "POST", body: body(), cookie });
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ detail: expect.stringMatching(detail), code, ...(code === "validation_error" ? { errors: expect.any(Array) } : {}) });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["a NUL byte", "a\u0000b", 400],
    ["an unknown id", "nope", 404],
    ["another organization's message", () => otherOrgMessageId, 404],
    ["an over-long id", "x".repeat(200), 400],
  ] as const)("GET and DELETE /api/feedback/message/{id} with %s → %i", async (_label, id, status) => {
    const before = await snapshot();
    const messageIdParam = typeof id === "function" ? id() : id;
    expect((await callRoute(getMessage, { params: { message_id: messageIdParam }, cookie })).status).toBe(status);
    expect((await callRoute(withdraw, { method: "DELETE", params: { message_id: messageIdParam }, cookie })).status).toBe(status);
    expect(await snapshot()).toEqual(before);
  });

  it("GET /api/feedback?conversation_id= of another organization → 404", async () => {
    expect(await callRoute(listFeedback, { path: `/api/feedback?conversation_id=${otherOrgConversationId}`, cookie })).toMatchObject({
      status: 404,
      body: { detail: "Conversation not found", code: "not_found" },
    });
  });

  it.each([
    ["an empty conversation id", "conversation_id=", 400, "query.conversation_id: must not be empty"],
    ["a NUL byte", "conversation_id=a%00b", 400, "query.conversation_id: must not contain NUL characters"],
    ["an unknown conversation", "conversation_id=nope", 404, "Conversation not found"],
    ["no filter", "", 400, "query: pass exactly one of conversation_id and message_ids"],
    ["a repeated parameter", "message_ids=a&message_ids=b", 400, "query.message_ids: must be given once (a list is one comma-separated value)"],
  ] as const)("GET /api/feedback with %s → %i", async (_label, query, status, detail) => {
    expect(await callRoute(listFeedback, { path: `/api/feedback?${query}`, cookie })).toMatchObject({ status, body: { detail } });
  });

  it("GET /api/feedback ignores unknown parameters, whatever their names", async () => {
    const path = `/api/feedback?constructor=x&__proto__=y&toString=z&conversation_id=${conversationId}`;
    expect(await callRoute(listFeedback, { path, cookie })).toMatchObject({ status: 200, body: { items: [expect.objectContaining({ reason: "keep me" })] } });
  });

  it("GET /api/feedback?message_ids= with more than 500 ids → 400", async () => {
    const ids = Array.from({ length: 501 }, (_, index) => `id${index}`).join(",");
    expect(await callRoute(listFeedback, { path: `/api/feedback?message_ids=${ids}`, cookie })).toMatchObject({
      status: 400,
      body: { code: "validation_error", detail: expect.stringMatching(/^query\.message_ids: /) },
    });
  });

  it("accepts and returns unicode reasons unchanged", async () => {
    const reason = "Très bien 👍 — 正確です \u202Eright-to-left";
    const response = await callRoute(submit, { method: "POST", body: { message_id: messageId, feedback_type: "negative", reason }, cookie });
    expect(response).toMatchObject({ status: 201, body: { reason } });
    expect((await db.selectFrom("Feedback").select("reason").where("messageId", "=", messageId).executeTakeFirstOrThrow()).reason).toBe(reason);
  });
});
