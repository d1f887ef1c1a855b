// The review API's HTTP contract (issue #10): exact bodies, every transition, the two-reviewer race,
// permissions and bulk actions, on each database.
import { beforeAll, describe, expect, it } from "vitest";
import { AdminFeedbackItemSchema, FeedbackQueueSchema } from "@/lib/api/admin-schemas";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { countOf } from "@/test/db";
import { callRoute } from "@/test/http";
import { createReviewOrg, type ReviewOrg } from "@/test/review-fixtures";
import { POST as submit } from "../route";
import { DELETE as deleteItem, GET as getItem } from "./[id]/route";
import { POST as dismiss } from "./[id]/dismiss/route";
import { POST as resolve } from "./[id]/resolve/route";
import { POST as restore } from "./[id]/restore/route";
import { GET as audit } from "./audit/route";
import { POST as bulk } from "./bulk/route";
import { GET as list } from "./list/route";
import { GET as stats } from "./stats/route";
import { GET as daily } from "./stats/daily/route";

const db = getDb();
const provider = getDatabaseProvider();
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const queue = (s: ReviewOrg, query = "", cookie = s.reviewerCookie) => callRoute(list, { path: `/api/feedback/admin/list${query}`, cookie });
const action = (route: typeof resolve, s: ReviewOrg, id: string, body: object = {}, cookie = s.reviewerCookie) =>
  callRoute(route, { method: "POST", params: { id }, body, cookie });
const itemsOf = (response: { body: unknown }) => FeedbackQueueSchema.parse(response.body).items;

describe(`GET /api/feedback/admin/list (${provider})`, () => {
  let s: ReviewOrg;
  beforeAll(async () => {
    s = await createReviewOrg(db, [
      { type: "positive" },
      { type: "negative", reason: "Wrong price" },
      { type: "negative", reason: "Too vague" },
      undefined,
      { type: "positive", reason: "100% right_now" },
    ]);
  });

  it("answers every field of an item, newest first", async () => {
    const response = await queue(s);
    expect(response.status).toBe(200);
    const body = FeedbackQueueSchema.parse(response.body);
    expect(body).toMatchObject({ total: 4, limit: 20, offset: 0 });
    expect(body.items.map((item) => item.original_response)).toEqual(["Answer 5.", "Answer 3.", "Answer 2.", "Answer 1."]);
    const negative = body.items[2]!;
    expect(negative).toEqual({
      id: s.feedback[1]!.id,
      message_id: s.messages[3]!.id,
      user_id: s.member.id,
      feedback_type: "negative",
      reason: "Wrong price",
      reason_keys: [],
      status: "pending",
      reviewed_by: null,
      reviewed_at: null,
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
      user_email: s.member.email,
      reviewer_email: null,
      original_query: "Question 2?",
      original_response: "Answer 2.",
      chat_id: s.conversation.id,
      has_golden_example: false,
      golden_example_id: null,
      golden_response: null,
      dismissal_reason: null,
    });
    // Auto-approved positive feedback carries its golden example.
    expect(body.items[3]).toMatchObject({ status: "auto_approved", has_golden_example: true, golden_example_id: expect.any(String), golden_response: "Answer 1." });
  });

  it.each([
    ["?status=pending", ["Answer 3.", "Answer 2."]],
    ["?type=positive", ["Answer 5.", "Answer 1."]],
    ["?status=auto_approved&type=positive", ["Answer 5.", "Answer 1."]],
    ["?search=PRICE", ["Answer 2."]],
    ["?search=question%203", ["Answer 3."]],
    ["?search=answer%201.", ["Answer 1."]],
    // LIKE wildcards are matched literally.
    ["?search=100%25", ["Answer 5."]],
    ["?search=r_1", []],
    ["?type=negative&search=vague", ["Answer 3."]],
  ])("filters %s", async (query, answers) => {
    const response = await queue(s, query);
    expect(response.status).toBe(200);
    expect(itemsOf(response).map((item) => item.original_response)).toEqual(answers);
    expect((response.body as { total: number }).total).toBe(answers.length);
  });

  it.each([
    // Shorter than the trigram index's three characters: looked for row by row.
    ["2?", ["Answer 2."]],
    ["Q", ["Answer 5.", "Answer 3.", "Answer 2.", "Answer 1."]],
    // Quotes are text, not search syntax.
    ['"price', []],
  ])("searches %j", async (search, answers) => {
    const response = await queue(s, `?search=${encodeURIComponent(search)}`);
    expect(itemsOf(response).map((item) => item.original_response)).toEqual(answers);
  });

  it("filters by creation date: a date alone is its whole day (UTC)", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(itemsOf(await queue(s, `?from=${today}&to=${today}`))).toHaveLength(4);
    expect(itemsOf(await queue(s, `?from=${tomorrow}`))).toHaveLength(0);
    expect(itemsOf(await queue(s, `?to=2020-01-01`))).toHaveLength(0);
  });

  // Found by app/api/fuzz.int.test.ts: PostgreSQL stores no year 0 and no year past 9999, and refused
  // such bounds with a 500.
  it("takes the last day PostgreSQL can store as `to`, and refuses year 0 with a 400", async () => {
    expect(itemsOf(await queue(s, "?from=0001-01-01&to=9999-12-31"))).toHaveLength(4);
    expect(itemsOf(await queue(s, "?to=9999-12-31T23:59:59.999Z"))).toHaveLength(4);
    for (const query of ["?from=0000-01-01", "?to=0000-12-31", "?from=0001-01-01T00:00:00%2B01:00"]) {
      expect(await queue(s, query), query).toMatchObject({ status: 400, body: { code: "validation_error", detail: expect.stringContaining("between the years 1 and 9999") } });
    }
  });

  it("pages with limit and offset; total counts every page", async () => {
    const first = FeedbackQueueSchema.parse((await queue(s, "?limit=3")).body);
    const second = FeedbackQueueSchema.parse((await queue(s, "?limit=3&offset=3")).body);
    expect([first.items.length, second.items.length, first.total, second.total]).toEqual([3, 1, 4, 4]);
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(4);
  });

  it("pages a search the same way; past its last page the total still counts every match", async () => {
    const pages = await Promise.all(["&limit=3", "&limit=3&offset=3", "&offset=10"].map(async (paging) => FeedbackQueueSchema.parse((await queue(s, `?search=Q${paging}`)).body)));
    expect(pages.map((page) => [page.items.map((item) => item.original_response), page.total])).toEqual([
      [["Answer 5.", "Answer 3.", "Answer 2."], 4],
      [["Answer 1."], 4],
      [[], 4],
    ]);
  });

  it.each([
    ["?limit=0", "query.limit: must be at least 1"],
    ["?limit=101", "query.limit: must be at most 100"],
    ["?limit=ten", "query.limit: must be a whole number"],
    ["?offset=-1", "query.offset: must be at least 0"],
    ["?status=open", "query.status: Invalid option"],
    ["?type=neutral", "query.type: Invalid option"],
    ["?from=yesterday", "query.from: must be a date"],
    ["?search=a%00b", "query.search: must not contain NUL characters"],
  ])("refuses %s with a 400", async (query, detail) => {
    const response = await queue(s, query);
    expect(response).toMatchObject({ status: 400, body: { code: "validation_error", detail: expect.stringContaining(detail) } });
  });

  it("is for reviewers and admins: a member gets 403, and another organization's items never show", async () => {
    expect(await queue(s, "", s.memberCookie)).toMatchObject({ status: 403, body: { code: "forbidden", detail: "This needs the reviewer role" } });
    expect((await queue(s, "", s.adminCookie)).status).toBe(200);
    const other = await createReviewOrg(db, [{ type: "negative" }]);
    expect(itemsOf(await queue(other)).map((item) => item.user_email)).toEqual([other.member.email]);
  });
});

describe(`the queue's search follows every change (${provider})`, () => {
  it("folds the case of any letter, and sees a reason change and a deleted vote", async () => {
    const s = await createReviewOrg(db, [{ type: "negative", reason: "Überholt: the PRICE is old" }, { type: "positive" }]);
    const searched = async (text: string) => itemsOf(await queue(s, `?search=${encodeURIComponent(text)}`)).map((item) => item.original_response);
    expect(await searched("überholt")).toEqual(["Answer 1."]);

    const changed = await callRoute(submit, { method: "POST", body: { message_id: s.messages[1]!.id, feedback_type: "negative", reason: "Missing steps" }, cookie: s.memberCookie });
    expect(changed.status).toBe(200);
    expect(await searched("überholt")).toEqual([]);
    expect(await searched("missing steps")).toEqual(["Answer 1."]);

    expect((await callRoute(deleteItem, { method: "DELETE", params: { id: s.feedback[0]!.id }, cookie: s.reviewerCookie })).status).toBe(204);
    expect(await searched("missing steps")).toEqual([]);
    expect(await searched("answer")).toEqual(["Answer 2."]);
  });
});

describe(`GET /api/feedback/admin/stats and /stats/daily (${provider})`, () => {
  it("counts match the queue's totals for the same filters", async () => {
    const s = await createReviewOrg(db, [{ type: "positive" }, { type: "negative" }, { type: "negative" }, { type: "positive" }]);
    await action(dismiss, s, s.feedback[1]!.id, { reason: "Duplicate" });
    const response = await callRoute(stats, { path: "/api/feedback/admin/stats", cookie: s.reviewerCookie });
    expect(response).toMatchObject({
      status: 200,
      body: {
        total_feedback: 4,
        positive_count: 2,
        negative_count: 2,
        pending_count: 1,
        auto_approved_count: 2,
        reviewed_count: 0,
        dismissed_count: 1,
        golden_examples_count: 2,
      },
    });
    for (const [query, counter] of [["?status=pending", "pending_count"], ["?type=negative", "negative_count"], ["?status=dismissed", "dismissed_count"]] as const) {
      expect((await queue(s, query)).body).toMatchObject({ total: (response.body as Record<string, number>)[counter] });
    }
  });

  it("gives every day of the range, with the positive rate", async () => {
    const s = await createReviewOrg(db, [{ type: "positive" }, { type: "positive" }, { type: "negative" }]);
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const response = await callRoute(daily, { path: `/api/feedback/admin/stats/daily?from=${yesterday}&to=${today}`, cookie: s.reviewerCookie });
    expect(response).toEqual({
      status: 200,
      headers: expect.anything(),
      body: {
        days: [
          { date: yesterday, positive: 0, negative: 0, positive_rate: null },
          { date: today, positive: 2, negative: 1, positive_rate: 2 / 3 },
        ],
      },
    });
    const thirty = await callRoute(daily, { path: "/api/feedback/admin/stats/daily", cookie: s.reviewerCookie });
    expect((thirty.body as { days: unknown[] }).days).toHaveLength(30);
    expect(await callRoute(daily, { path: `/api/feedback/admin/stats/daily?from=${today}&to=${yesterday}`, cookie: s.reviewerCookie })).toMatchObject({
      status: 400,
      body: { code: "validation_error", detail: "query.from: must not be after to" },
    });
    // The default 30 days before a `to` early in year 1 would reach back into year 0.
    for (const query of ["?to=9999-12-31", "?from=9999-12-01&to=9999-12-31", "?to=0001-01-15"]) {
      expect((await callRoute(daily, { path: `/api/feedback/admin/stats/daily${query}`, cookie: s.reviewerCookie })).status, query).toBe(200);
    }
  });
});

describe(`GET /api/feedback/admin/{id} (${provider})`, () => {
  it("answers the item with the conversation before the rated answer; 404 for unknown and other organizations' ids", async () => {
    const s = await createReviewOrg(db, [undefined, { type: "negative", reason: "No" }]);
    const response = await callRoute(getItem, { params: { id: s.feedback[0]!.id }, cookie: s.reviewerCookie });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: s.feedback[0]!.id,
      original_query: "Question 2?",
      original_response: "Answer 2.",
      context: [
        { role: "user", content: "Question 1?" },
        { role: "assistant", content: "Answer 1." },
        { role: "user", content: "Question 2?" },
      ],
    });
    const other = await createReviewOrg(db, [{ type: "negative" }]);
    for (const id of ["nope", other.feedback[0]!.id]) {
      expect(await callRoute(getItem, { params: { id }, cookie: s.reviewerCookie })).toMatchObject({ status: 404, body: { detail: "Feedback not found", code: "not_found" } });
    }
  });
});

describe(`review actions (${provider})`, () => {
  it("resolve positive: reviewed, its auto golden example becomes the reviewer's; clients' extra fields are ignored", async () => {
    const s = await createReviewOrg(db, [{ type: "positive" }]);
    const response = await action(resolve, s, s.feedback[0]!.id, { query_type: "faq" });
    expect(response.status).toBe(200);
    const item = AdminFeedbackItemSchema.parse(response.body);
    expect(item).toMatchObject({ status: "reviewed", reviewed_by: s.reviewer.id, reviewer_email: s.reviewer.email, has_golden_example: true, golden_response: "Answer 1." });
    expect(item.reviewed_at).toMatch(ISO);
    const examples = await db.selectFrom("GoldenExample").selectAll().where("feedbackId", "=", s.feedback[0]!.id).execute();
    expect(examples).toEqual([expect.objectContaining({ approvalType: "manual", createdById: s.reviewer.id, isActive: true, goldenResponse: "Answer 1." })]);
  });

  it("resolve negative needs the correction (400, nothing changes), then stores it as a manual golden example", async () => {
    const s = await createReviewOrg(db, [{ type: "negative", reason: "Outdated" }]);
    const id = s.feedback[0]!.id;
    for (const body of [{}, { golden_response: "   " }]) {
      expect(await action(resolve, s, id, body)).toMatchObject({
        status: 400,
        body: { code: "golden_response_required", detail: "Resolving negative feedback needs the corrected answer: send golden_response" },
      });
    }
    expect(await countOf(db.selectFrom("GoldenExample").where("feedbackId", "=", id))).toBe(0);
    expect((await db.selectFrom("Feedback").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("pending");
    const response = await action(resolve, s, id, { golden_response: "The price is $10." });
    expect(response.body).toMatchObject({ status: "reviewed", reason: "Outdated", has_golden_example: true, golden_response: "The price is $10." });
    const example = await db.selectFrom("GoldenExample").selectAll().where("feedbackId", "=", id).executeTakeFirstOrThrow();
    expect(example).toMatchObject({ approvalType: "manual", sourceType: "feedback", originalQuery: "Question 1?", originalResponse: "Answer 1.", context: [{ role: "user", content: "Question 1?" }] });
  });

  it("dismiss keeps the user's reason, records the reviewer's and deactivates the auto golden example; restore clears the review", async () => {
    const s = await createReviewOrg(db, [{ type: "positive", reason: "Nice" }]);
    const id = s.feedback[0]!.id;
    const dismissed = await action(dismiss, s, id, { reason: "Covered elsewhere" });
    expect(dismissed.body).toMatchObject({ status: "dismissed", reason: "Nice", dismissal_reason: "Covered elsewhere", reviewed_by: s.reviewer.id, has_golden_example: false });
    expect(await countOf(db.selectFrom("GoldenExample").where("feedbackId", "=", id).where("isActive", "=", true))).toBe(0);
    const restored = await action(restore, s, id);
    expect(restored.body).toMatchObject({ status: "pending", reason: "Nice", dismissal_reason: null, reviewed_by: null, reviewed_at: null, reviewer_email: null });
  });

  it.each([
    ["resolve a reviewed item", "resolve", "resolved"],
    ["dismiss a reviewed item", "dismiss", "dismissed"],
    ["restore a reviewed item", "restore", "restored"],
  ] as const)("refuses to %s with a 409 that says the state, who and when", async (_label, verb, done) => {
    const s = await createReviewOrg(db, [{ type: "positive" }]);
    const id = s.feedback[0]!.id;
    const reviewed = AdminFeedbackItemSchema.parse((await action(resolve, s, id)).body);
    const route = { resolve, dismiss, restore }[verb];
    const response = await action(route, s, id, {}, s.adminCookie);
    expect(response).toMatchObject({ status: 409, body: { code: "transition_not_allowed" } });
    expect((response.body as { detail: string }).detail).toBe(
      `Cannot ${verb} this feedback: it is reviewed (by ${s.reviewer.email} at ${reviewed.reviewed_at}); only ${verb === "restore" ? "dismissed" : "pending or auto_approved"} feedback can be ${done}`,
    );
  });

  it("refuses to resolve or dismiss a dismissed item, and to restore a pending one", async () => {
    const s = await createReviewOrg(db, [{ type: "negative" }, { type: "negative" }]);
    await action(dismiss, s, s.feedback[0]!.id);
    expect(await action(resolve, s, s.feedback[0]!.id, { golden_response: "x" })).toMatchObject({ status: 409, body: { code: "transition_not_allowed" } });
    expect(await action(dismiss, s, s.feedback[0]!.id)).toMatchObject({ status: 409, body: { code: "transition_not_allowed" } });
    expect(await action(restore, s, s.feedback[1]!.id)).toMatchObject({ status: 409, body: { code: "transition_not_allowed" } });
  });

  it("refuses an action on an item that changed since the reviewer loaded it (the user changed the vote)", async () => {
    const s = await createReviewOrg(db, [{ type: "negative" }]);
    const id = s.feedback[0]!.id;
    const loaded = AdminFeedbackItemSchema.parse((await callRoute(getItem, { params: { id }, cookie: s.reviewerCookie })).body);
    await new Promise((resolvePause) => setTimeout(resolvePause, 5));
    await callRoute(submit, { method: "POST", body: { message_id: s.messages[1]!.id, feedback_type: "positive" }, cookie: s.memberCookie });
    const response = await action(dismiss, s, id, { expected_updated_at: loaded.updated_at });
    expect(response).toMatchObject({ status: 409, body: { code: "item_changed" } });
    expect((response.body as { detail: string }).detail).toMatch(new RegExp(`^This feedback changed since you loaded it: it is auto_approved \\(last changed by the voter, ${s.member.email.replace(".", "\\.")}, at \\d{4}-`));
    expect((await action(dismiss, s, id, { expected_updated_at: "not a date" })).status).toBe(400);
  });

  it("two reviewers acting on one item at once: exactly one wins, the other gets the 409", async () => {
    const s = await createReviewOrg(db, [{ type: "negative" }]);
    const id = s.feedback[0]!.id;
    const responses = await Promise.all([
      action(resolve, s, id, { golden_response: "Fixed by the reviewer" }),
      action(dismiss, s, id, { reason: "Not useful" }, s.adminCookie),
      action(resolve, s, id, { golden_response: "Fixed by the admin" }, s.adminCookie),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    const audited = await countOf(db.selectFrom("AuditLog").where("targetId", "=", id).where("action", "in", ["feedback.resolved", "feedback.dismissed"]));
    expect(audited).toBe(1);
    expect(await countOf(db.selectFrom("GoldenExample").where("feedbackId", "=", id))).toBeLessThanOrEqual(1);
  });

  it("DELETE removes the feedback and its golden example (204), audited; 404 afterwards", async () => {
    const s = await createReviewOrg(db, [{ type: "positive" }]);
    const id = s.feedback[0]!.id;
    const example = await db.selectFrom("GoldenExample").select("id").where("feedbackId", "=", id).executeTakeFirstOrThrow();
    expect(await callRoute(deleteItem, { method: "DELETE", params: { id }, cookie: s.reviewerCookie })).toMatchObject({ status: 204 });
    expect(await countOf(db.selectFrom("Feedback").where("id", "=", id))).toBe(0);
    expect(await countOf(db.selectFrom("GoldenExample").where("id", "=", example.id))).toBe(0);
    expect(await db.selectFrom("AuditLog").select(["action", "actorUserId"]).where("targetId", "=", id).execute()).toEqual([{ action: "feedback.deleted", actorUserId: s.reviewer.id }]);
    expect((await callRoute(deleteItem, { method: "DELETE", params: { id }, cookie: s.reviewerCookie })).status).toBe(404);
  });

  it("members get 403 on every action, and nothing changes", async () => {
    const s = await createReviewOrg(db, [{ type: "negative" }]);
    const id = s.feedback[0]!.id;
    for (const route of [resolve, dismiss, restore]) {
      expect(await action(route, s, id, { golden_response: "x" }, s.memberCookie)).toMatchObject({ status: 403, body: { code: "forbidden" } });
    }
    expect((await callRoute(deleteItem, { method: "DELETE", params: { id }, cookie: s.memberCookie })).status).toBe(403);
    expect((await db.selectFrom("Feedback").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("pending");
  });
});

describe(`POST /api/feedback/admin/bulk (${provider})`, () => {
  it("applies the action to each item on its own, with one result per id in order", async () => {
    const s = await createReviewOrg(db, [{ type: "positive" }, { type: "negative" }, { type: "positive" }]);
    const other = await createReviewOrg(db, [{ type: "positive" }]);
    const ids = [s.feedback[0]!.id, s.feedback[1]!.id, "unknown", other.feedback[0]!.id, s.feedback[2]!.id];
    const response = await callRoute(bulk, { method: "POST", body: { action: "resolve", ids }, cookie: s.reviewerCookie });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      succeeded: 2,
      failed: 3,
      results: [
        { id: ids[0], ok: true, item: { status: "reviewed" } },
        { id: ids[1], ok: false, error: { code: "golden_response_required" } },
        { id: ids[2], ok: false, error: { code: "not_found", detail: "Feedback not found" } },
        { id: ids[3], ok: false, error: { code: "not_found", detail: "Feedback not found" } },
        { id: ids[4], ok: true, item: { status: "reviewed" } },
      ],
    });
    expect((await db.selectFrom("Feedback").select("status").where("id", "=", other.feedback[0]!.id).executeTakeFirstOrThrow()).status).toBe("auto_approved");
    const dismissed = await callRoute(bulk, { method: "POST", body: { action: "dismiss", ids: [s.feedback[1]!.id], reason: "Spam" }, cookie: s.reviewerCookie });
    expect(dismissed.body).toMatchObject({ succeeded: 1, results: [{ ok: true, item: { status: "dismissed", dismissal_reason: "Spam" } }] });
    const restored = await callRoute(bulk, { method: "POST", body: { action: "restore", ids: [s.feedback[1]!.id, s.feedback[0]!.id] }, cookie: s.reviewerCookie });
    expect(restored.body).toMatchObject({ succeeded: 1, failed: 1, results: [{ ok: true }, { ok: false, error: { code: "transition_not_allowed" } }] });
  });

  it.each([
    [{ action: "resolve", ids: [] }, "body.ids: must name at least one feedback id"],
    [{ action: "resolve", ids: Array.from({ length: 101 }, (_, index) => `id${index}`) }, "body.ids: must name at most 100 ids"],
    [{ action: "resolve", ids: ["a", "a"] }, "body.ids: must not repeat an id"],
    [{ action: "delete", ids: ["a"] }, "body.action: Invalid option"],
  ])("refuses a bad request with a 400", async (body, detail) => {
    const s = await createReviewOrg(db, []);
    expect(await callRoute(bulk, { method: "POST", body, cookie: s.reviewerCookie })).toMatchObject({ status: 400, body: { code: "validation_error", detail: expect.stringContaining(detail) } });
  });
});

describe(`GET /api/feedback/admin/audit (${provider})`, () => {
  it("records every review action with who, what, when, before and after; filters by actor, action and item", async () => {
    const s = await createReviewOrg(db, [{ type: "negative" }, { type: "positive" }]);
    await action(dismiss, s, s.feedback[0]!.id, { reason: "Off topic" });
    await action(resolve, s, s.feedback[1]!.id, { golden_response: "Better answer" }, s.adminCookie);
    const all = await callRoute(audit, { path: "/api/feedback/admin/audit", cookie: s.reviewerCookie });
    expect(all.status).toBe(200);
    const entries = (all.body as { items: Array<{ action: string; actor_email: string | null }> }).items;
    expect(entries.map((entry) => entry.action)).toEqual(["feedback.resolved", "golden_example.approved", "feedback.dismissed", "golden_example.created"]);
    expect(entries[2]).toMatchObject({
      actor_type: "user",
      actor_user_id: s.reviewer.id,
      actor_email: s.reviewer.email,
      target_type: "feedback",
      target_id: s.feedback[0]!.id,
      data: { before: { status: "pending" }, after: { status: "dismissed", dismissal_reason: "Off topic" } },
      created_at: expect.stringMatching(ISO),
    });
    const byAdmin = await callRoute(audit, { path: `/api/feedback/admin/audit?actor=${encodeURIComponent(s.admin.email)}`, cookie: s.reviewerCookie });
    expect((byAdmin.body as { total: number }).total).toBe(2);
    const bySystem = await callRoute(audit, { path: "/api/feedback/admin/audit?actor=system", cookie: s.reviewerCookie });
    expect((bySystem.body as { items: Array<{ action: string }> }).items.map((entry) => entry.action)).toEqual(["golden_example.created"]);
    const byItem = await callRoute(audit, { path: `/api/feedback/admin/audit?item=${s.feedback[0]!.id}&action=feedback.dismissed`, cookie: s.reviewerCookie });
    expect((byItem.body as { total: number }).total).toBe(1);
    expect((await callRoute(audit, { path: "/api/feedback/admin/audit", cookie: s.memberCookie })).status).toBe(403);
  });
});
