import { beforeAll, describe, expect, it } from "vitest";
import { FeedbackResponseSchema } from "@/lib/api/schemas";
import { createApiKey } from "@/server/auth/api-keys";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { countOf } from "@/test/db";
import { createTestConversation, createTestOrganization, updateTestSettings } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { drainJobs } from "@/test/jobs";
import { DELETE as withdraw, GET as getMessage } from "./message/[message_id]/route";
import { GET as listFeedback, POST as submit } from "./route";

const db = getDb();

async function setup() {
  const org = await createTestOrganization(db);
  const { conversation, messages } = await createTestConversation(db, org.organization.id, org.member.id, 3);
  const answer = messages[1]!;
  const memberCookie = await sessionCookie(org.member, org.organization.id, "member");
  const reviewerCookie = await sessionCookie(org.reviewer, org.organization.id, "reviewer");
  return { ...org, conversation, messages, answer, memberCookie, reviewerCookie };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** A list response's items in message-id order (the API promises no order). */
const itemsOf = (body: unknown) =>
  (body as { items: Array<{ message_id: string }> }).items.toSorted((a, b) => a.message_id.localeCompare(b.message_id));

const post = (s: Pick<Setup, "memberCookie">, body: unknown, cookie = s.memberCookie) =>
  callRoute(submit, { method: "POST", path: "/api/feedback", body, cookie });

describe(`POST /api/feedback (${getDatabaseProvider()})`, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  it("creates positive feedback as auto_approved and queues its golden example (201)", async () => {
    const response = await post(s, { message_id: s.answer.id, feedback_type: "positive" });
    expect(response.status).toBe(201);
    const body = FeedbackResponseSchema.parse(response.body);
    expect(body).toEqual({
      id: expect.any(String),
      message_id: s.answer.id,
      user_id: s.member.id,
      feedback_type: "positive",
      reason: null,
      reason_keys: [],
      status: "auto_approved",
      reviewed_by: null,
      reviewed_at: null,
      created_at: body.created_at,
      updated_at: body.created_at,
    });
    // Same timestamp form from both stores: ISO-8601 UTC with milliseconds.
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const jobs = await db.selectFrom("Job").selectAll().where("organizationId", "=", s.organization.id).execute();
    expect(jobs.map((job) => [job.type, job.status, job.payload])).toEqual([
      ["golden_example.sync", "pending", { feedback_id: body.id, revision: 1 }],
    ]);

    await drainJobs(db, s.organization.id);
    const example = await db.selectFrom("GoldenExample").selectAll().where("feedbackId", "=", body.id).executeTakeFirstOrThrow();
    expect(example).toMatchObject({
      approvalType: "auto",
      isActive: true,
      originalQuery: "Question 1?",
      originalResponse: "Answer 1.",
      goldenResponse: "Answer 1.",
      context: [{ role: "user", content: "Question 1?" }],
    });
  });

  it("re-sending the same vote replaces the reason only (200, same id and status)", async () => {
    const first = FeedbackResponseSchema.parse((await post(s, { message_id: s.answer.id, feedback_type: "positive" })).body);
    const response = await post(s, { message_id: s.answer.id, feedback_type: "positive", reason: "Very clear", reason_keys: ["helpful"] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: first.id, status: "auto_approved", reason: "Very clear", reason_keys: ["helpful"] });
    expect(await countOf(db.selectFrom("GoldenExample").where("feedbackId", "=", first.id).where("isActive", "=", true))).toBe(1);
  });

  it("switching the vote restarts the lifecycle and deactivates the auto golden example (200)", async () => {
    const response = await post(s, { message_id: s.answer.id, feedback_type: "negative", reason: "Actually wrong" });
    expect(response.status).toBe(200);
    const body = FeedbackResponseSchema.parse(response.body);
    expect(body).toMatchObject({ feedback_type: "negative", status: "pending", reason: "Actually wrong", reason_keys: [] });
    const example = await db.selectFrom("GoldenExample").selectAll().where("feedbackId", "=", body.id).executeTakeFirstOrThrow();
    expect(example.isActive).toBe(false);
    const audit = await db
      .selectFrom("AuditLog")
      .selectAll()
      .where("targetId", "=", example.id)
      .where("action", "=", "golden_example.deactivated")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorUserId: s.member.id, actorType: "user", data: { feedback_id: body.id, cause: "vote_changed" } });

    // Back to positive: the same golden example comes back, still one per feedback.
    expect((await post(s, { message_id: s.answer.id, feedback_type: "positive" })).status).toBe(200);
    await drainJobs(db, s.organization.id);
    expect(await db.selectFrom("GoldenExample").selectAll().where("feedbackId", "=", body.id).execute()).toEqual([
      expect.objectContaining({ id: example.id, isActive: true }),
    ]);
  });

  it("lets a reviewer rate a message they can see in their organization", async () => {
    const response = await post(s, { message_id: s.messages[3]!.id, feedback_type: "negative" }, s.reviewerCookie);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ user_id: s.reviewer.id, status: "pending" });
  });
});

describe(`feedback rules from the organization's settings (${getDatabaseProvider()})`, () => {
  it("requires a reason when the settings say so (400) and stores nothing", async () => {
    const s = await setup();
    await updateTestSettings(db, s.organization.id, { requireReasonNegative: true });
    const response = await post(s, { message_id: s.answer.id, feedback_type: "negative", reason: "  " });
    expect(response).toMatchObject({ status: 400, body: { detail: "A reason is required for negative feedback", code: "reason_required" } });
    expect(await countOf(db.selectFrom("Feedback").where("organizationId", "=", s.organization.id))).toBe(0);
    // A predefined option counts as a reason.
    expect((await post(s, { message_id: s.answer.id, feedback_type: "negative", reason_keys: ["outdated"] })).status).toBe(201);
  });

  it("auto-approves negative feedback without creating a golden example when enabled", async () => {
    const s = await setup();
    await updateTestSettings(db, s.organization.id, { autoApproveNegative: true, autoApprovePositive: false });
    expect((await post(s, { message_id: s.answer.id, feedback_type: "negative" })).body).toMatchObject({ status: "auto_approved" });
    expect((await post(s, { message_id: s.messages[3]!.id, feedback_type: "positive" })).body).toMatchObject({ status: "pending" });
    expect(await countOf(db.selectFrom("Job").where("organizationId", "=", s.organization.id))).toBe(0);
  });

  it("refuses feedback when the organization turned it off (403)", async () => {
    const s = await setup();
    await updateTestSettings(db, s.organization.id, { feedbackEnabled: false });
    expect(await post(s, { message_id: s.answer.id, feedback_type: "positive" })).toMatchObject({
      status: 403,
      body: { detail: "Feedback is turned off for this organization", code: "feedback_disabled" },
    });
  });

  it("applies the organization's reason length limit (400)", async () => {
    const s = await setup();
    await updateTestSettings(db, s.organization.id, { maxReasonLength: 10 });
    expect(await post(s, { message_id: s.answer.id, feedback_type: "positive", reason: "x".repeat(11) })).toMatchObject({
      status: 400,
      body: { detail: "reason is longer than 10 characters", code: "reason_too_long" },
    });
  });

  it("uses the documented defaults for an organization without settings", async () => {
    const s = await setup();
    await db.deleteFrom("FeedbackSettings").where("organizationId", "=", s.organization.id).execute();
    expect((await post(s, { message_id: s.answer.id, feedback_type: "positive" })).body).toMatchObject({ status: "auto_approved" });
  });
});

describe(`visibility and authentication (${getDatabaseProvider()})`, () => {
  let s: Setup;
  let other: Setup;
  beforeAll(async () => {
    s = await setup();
    other = await setup();
  });

  it.each([
    ["an unknown message", () => "does-not-exist"],
    ["another organization's message", () => other.answer.id],
  ])("answers 404 for %s", async (_label, messageId) => {
    const expected = { status: 404, body: { detail: "Message not found", code: "not_found" } };
    expect(await post(s, { message_id: messageId(), feedback_type: "positive" })).toMatchObject(expected);
    expect(await callRoute(getMessage, { params: { message_id: messageId() }, cookie: s.memberCookie })).toMatchObject(expected);
  });

  it("answers 404 for another member's conversation in the same organization", async () => {
    const now = isoNow();
    const peer = await db
      .insertInto("User")
      .values({ id: newId(), email: `peer-${s.organization.slug}@example.test`, createdAt: now, updatedAt: now })
      .returning(["id", "email", "name"])
      .executeTakeFirstOrThrow();
    await db.insertInto("Membership").values({ id: newId(), organizationId: s.organization.id, userId: peer.id, role: "member", createdAt: now }).execute();
    const peerCookie = await sessionCookie(peer, s.organization.id, "member");
    expect(await post(s, { message_id: s.answer.id, feedback_type: "positive" }, peerCookie)).toMatchObject({ status: 404 });
    expect(await callRoute(listFeedback, { path: `/api/feedback?conversation_id=${s.conversation.id}`, cookie: peerCookie })).toMatchObject({
      status: 404,
      body: { detail: "Conversation not found" },
    });
  });

  it("refuses to rate a user's own message (400)", async () => {
    expect(await post(s, { message_id: s.messages[0]!.id, feedback_type: "positive" })).toMatchObject({
      status: 400,
      body: { detail: "Only assistant messages can be rated", code: "message_not_rateable" },
    });
  });

  it("answers 401 without a session, with an invalid session and with an unknown bearer token", async () => {
    const expected = { status: 401, body: { code: "unauthenticated" } };
    const body = { message_id: s.answer.id, feedback_type: "positive" };
    expect(await callRoute(submit, { body })).toMatchObject({
      ...expected,
      body: { detail: "Authentication required: sign in or send a bearer token" },
    });
    expect(await callRoute(submit, { body, cookie: "next-auth.session-token=forged" })).toMatchObject(expected);
    expect(await callRoute(submit, { body, headers: { authorization: "Bearer nope" } })).toMatchObject({
      ...expected,
      body: { detail: "Invalid bearer token" },
    });
    expect(await callRoute(submit, { body, headers: { authorization: "Basic abc" } })).toMatchObject({
      ...expected,
      body: { detail: 'Malformed Authorization header: expected "Bearer <token>"' },
    });
  });

  it("refuses an organization API key on user endpoints (403)", async () => {
    const { key } = await createApiKey(db, { organizationId: s.organization.id, name: "test", scopes: ["conversations:write"] });
    expect(
      await callRoute(submit, { body: { message_id: s.answer.id, feedback_type: "positive" }, headers: { authorization: `Bearer ${key}` } }),
    ).toMatchObject({ status: 403, body: { detail: "Organization API keys cannot call user endpoints; use a user's session or token" } });
  });

  it("refuses cookie-authenticated writes from another site (403) and stores nothing", async () => {
    const request = { body: { message_id: s.answer.id, feedback_type: "positive" }, cookie: s.memberCookie };
    expect(await callRoute(submit, { ...request, headers: { origin: "https://evil.example" } })).toMatchObject({
      status: 403,
      body: { detail: "Cross-site request refused" },
    });
    expect(await callRoute(submit, { ...request, headers: { "sec-fetch-site": "cross-site" } })).toMatchObject({ status: 403 });
    expect(await countOf(db.selectFrom("Feedback").where("messageId", "=", s.answer.id))).toBe(0);
    expect((await callRoute(submit, { ...request, headers: { origin: "http://localhost:3000" } })).status).toBe(201);
  });
});

describe(`reading and withdrawing (${getDatabaseProvider()})`, () => {
  it("GET /api/feedback/message/{id} returns the caller's feedback or null", async () => {
    const s = await setup();
    expect(await callRoute(getMessage, { params: { message_id: s.answer.id }, cookie: s.memberCookie })).toMatchObject({ status: 200, body: null });
    const created = (await post(s, { message_id: s.answer.id, feedback_type: "negative", reason: "Wrong" })).body;
    expect(await callRoute(getMessage, { params: { message_id: s.answer.id }, cookie: s.memberCookie })).toEqual({
      status: 200,
      body: created,
      headers: expect.anything(),
    });
    // Another user of the organization sees their own (absent) vote, not the member's.
    expect(await callRoute(getMessage, { params: { message_id: s.answer.id }, cookie: s.reviewerCookie })).toMatchObject({ body: null });
  });

  it("DELETE withdraws the vote (204), is idempotent, and deactivates its auto golden example", async () => {
    const s = await setup();
    const created = FeedbackResponseSchema.parse((await post(s, { message_id: s.answer.id, feedback_type: "positive" })).body);
    await drainJobs(db, s.organization.id);
    const del = () => callRoute(withdraw, { method: "DELETE", params: { message_id: s.answer.id }, cookie: s.memberCookie });
    expect(await del()).toMatchObject({ status: 204, body: undefined });
    expect(await countOf(db.selectFrom("Feedback").where("id", "=", created.id))).toBe(0);
    const example = await db.selectFrom("GoldenExample").selectAll().where("organizationId", "=", s.organization.id).executeTakeFirstOrThrow();
    expect(example).toMatchObject({ isActive: false, feedbackId: null });
    expect(await countOf(db.selectFrom("AuditLog").where("targetId", "=", example.id).where("action", "=", "golden_example.deactivated"))).toBe(1);
    expect((await del()).status).toBe(204);
    expect(await callRoute(withdraw, { method: "DELETE", params: { message_id: "unknown" }, cookie: s.memberCookie })).toMatchObject({
      status: 404,
      body: { detail: "Message not found" },
    });
  });

  it("GET /api/feedback?conversation_id= returns all the caller's votes in one response", async () => {
    const s = await setup();
    await post(s, { message_id: s.messages[1]!.id, feedback_type: "positive" });
    await post(s, { message_id: s.messages[5]!.id, feedback_type: "negative" });
    const response = await callRoute(listFeedback, { path: `/api/feedback?conversation_id=${s.conversation.id}`, cookie: s.memberCookie });
    expect(response.status).toBe(200);
    const items = itemsOf(response.body).map((item) => FeedbackResponseSchema.parse(item));
    expect(items.map((item) => [item.message_id, item.feedback_type])).toEqual(
      [
        [s.messages[1]!.id, "positive"],
        [s.messages[5]!.id, "negative"],
      ].toSorted(([a], [b]) => a!.localeCompare(b!)),
    );
    // The reviewer may open the conversation but has no votes in it.
    expect(await callRoute(listFeedback, { path: `/api/feedback?conversation_id=${s.conversation.id}`, cookie: s.reviewerCookie })).toMatchObject({
      status: 200,
      body: { items: [] },
    });
  });

  it("both list reads return exactly the single read's bodies", async () => {
    const s = await setup();
    const reason = 'He said "no" \\ C:\\path\n\ttab \u0001 \u2028 — 🙂 Ünïcödé';
    await post(s, { message_id: s.messages[5]!.id, feedback_type: "negative", reason, reason_keys: ["incorrect", "outdated"] });
    await post(s, { message_id: s.messages[1]!.id, feedback_type: "positive" });
    await post(s, { message_id: s.messages[3]!.id, feedback_type: "negative", reason: "x" });
    // A reviewed vote.
    await db
      .updateTable("Feedback")
      .set({ status: "reviewed", reviewedById: s.reviewer.id, reviewedAt: "2026-01-02T03:04:05.678Z" })
      .where("messageId", "=", s.messages[3]!.id)
      .execute();
    const single = async (index: number) =>
      (await callRoute(getMessage, { params: { message_id: s.messages[index]!.id }, cookie: s.memberCookie })).body;
    expect(await single(5)).toMatchObject({ reason, reason_keys: ["incorrect", "outdated"] });
    expect(await single(3)).toMatchObject({ status: "reviewed", reviewed_by: s.reviewer.id, reviewed_at: "2026-01-02T03:04:05.678Z" });
    const expected = itemsOf({ items: [await single(5), await single(1), await single(3)] });

    const conversation = await callRoute(listFeedback, { path: `/api/feedback?conversation_id=${s.conversation.id}`, cookie: s.memberCookie });
    expect(conversation.status).toBe(200);
    expect(conversation.headers.get("content-type")).toBe("application/json");
    expect(itemsOf(conversation.body)).toEqual(expected);
    const ids = [3, 1, 5].map((index) => s.messages[index]!.id).join(",");
    const batch = await callRoute(listFeedback, { path: `/api/feedback?message_ids=${ids}`, cookie: s.memberCookie });
    expect(batch.status).toBe(200);
    expect(itemsOf(batch.body)).toEqual(expected);
  });

  it("GET /api/feedback?message_ids= returns votes for the listed messages and ignores unknown ids", async () => {
    const s = await setup();
    await post(s, { message_id: s.messages[3]!.id, feedback_type: "positive" });
    const response = await callRoute(listFeedback, {
      path: `/api/feedback?message_ids=${s.messages[1]!.id},${s.messages[3]!.id},unknown`,
      cookie: s.memberCookie,
    });
    expect(response.status).toBe(200);
    expect((response.body as { items: Array<{ message_id: string }> }).items.map((item) => item.message_id)).toEqual([s.messages[3]!.id]);
    expect(await callRoute(listFeedback, { path: "/api/feedback?message_ids=,", cookie: s.memberCookie })).toMatchObject({
      status: 400,
      body: { code: "validation_error", detail: "query.message_ids: must name at least one message id" },
    });
    const exactlyOne = { status: 400, body: { code: "validation_error", detail: "query: pass exactly one of conversation_id and message_ids" } };
    expect(await callRoute(listFeedback, { path: "/api/feedback", cookie: s.memberCookie })).toMatchObject(exactlyOne);
    const both = `/api/feedback?conversation_id=${s.conversation.id}&message_ids=${s.messages[3]!.id}`;
    expect(await callRoute(listFeedback, { path: both, cookie: s.memberCookie })).toMatchObject(exactlyOne);
  });
});
