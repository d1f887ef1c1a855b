// Golden examples' HTTP contract (issue #10): list, create, read, edit, delete and export, on each database.
import { describe, expect, it } from "vitest";
import { GoldenExampleListSchema, GoldenExampleSchema } from "@/lib/api/admin-schemas";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { countOf } from "@/test/db";
import { callRoute } from "@/test/http";
import { createReviewOrg, type ReviewOrg } from "@/test/review-fixtures";
import { POST as resolve } from "../admin/[id]/resolve/route";
import { DELETE as remove, GET as getOne, PUT as update } from "./[id]/route";
import { GET as exportRoute } from "./export/route";
import { GET as list, POST as create } from "./route";

const db = getDb();
const provider = getDatabaseProvider();

const listOf = (s: ReviewOrg, query = "", cookie = s.reviewerCookie) => callRoute(list, { path: `/api/feedback/golden-examples${query}`, cookie });
const createManual = (s: ReviewOrg, body: object, cookie = s.reviewerCookie) => callRoute(create, { method: "POST", path: "/api/feedback/golden-examples", body, cookie });

/** The raw text of a streamed export, with its headers. */
async function download(s: ReviewOrg, query: string, cookie = s.reviewerCookie) {
  const response = await exportRoute(new Request(`http://localhost:3000/api/feedback/golden-examples/export${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** An org with an auto-approved positive example, a corrected negative one and a hand-written one. */
async function orgWithExamples() {
  const s = await createReviewOrg(db, [{ type: "positive" }, { type: "negative", reason: "Wrong" }]);
  await callRoute(resolve, { method: "POST", params: { id: s.feedback[1]!.id }, body: { golden_response: 'It costs "$10", per seat,\nbilled monthly.' }, cookie: s.reviewerCookie });
  const manual = GoldenExampleSchema.parse(
    (await createManual(s, { original_query: "How do I log out?", golden_response: "Open the menu and choose Sign out." })).body,
  );
  return { s, manual };
}

describe(`golden examples (${provider})`, () => {
  it("POST writes one by hand (201, source and approval manual, created by the caller); GET reads it back", async () => {
    const s = await createReviewOrg(db, []);
    const response = await createManual(s, {
      original_query: "What is the refund window?",
      golden_response: "30 days from purchase.",
      context: [{ role: "system", content: "You are the billing assistant." }],
      query_type: "ignored",
    });
    expect(response.status).toBe(201);
    const example = GoldenExampleSchema.parse(response.body);
    expect(example).toEqual({
      id: expect.any(String),
      feedback_id: null,
      source_type: "manual",
      approval_type: "manual",
      original_query: "What is the refund window?",
      original_response: "30 days from purchase.",
      golden_response: "30 days from purchase.",
      context: [{ role: "system", content: "You are the billing assistant." }],
      created_by: s.reviewer.id,
      is_active: true,
      created_at: example.created_at,
      updated_at: example.created_at,
    });
    expect(await callRoute(getOne, { params: { id: example.id }, cookie: s.reviewerCookie })).toMatchObject({ status: 200, body: example });
    expect(await createManual(s, { original_query: "", golden_response: "x" })).toMatchObject({ status: 400, body: { code: "validation_error", detail: "body.original_query: must not be empty" } });
  });

  it("lists newest first with the queue's paging and filters by source, approval, active and text", async () => {
    const { s, manual } = await orgWithExamples();
    const all = GoldenExampleListSchema.parse((await listOf(s)).body);
    expect(all).toMatchObject({ total: 3, limit: 20, offset: 0 });
    expect(all.items[0]!.id).toBe(manual.id);
    const cases: Array<[string, string[]]> = [
      ["?source_type=manual", ["How do I log out?"]],
      ["?source_type=feedback&approval_type=auto", ["Question 1?"]],
      ["?approval_type=manual", ["How do I log out?", "Question 2?"]],
      ["?search=PER%20SEAT", ["Question 2?"]],
      ["?search=log%20out", ["How do I log out?"]],
      ["?is_active=false", []],
    ];
    for (const [query, questions] of cases) {
      const body = GoldenExampleListSchema.parse((await listOf(s, query)).body);
      expect(body.items.map((item) => item.original_query), query).toEqual(questions);
      expect(body.total, query).toBe(questions.length);
    }
    expect(GoldenExampleListSchema.parse((await listOf(s, "?limit=1&offset=1")).body).items).toHaveLength(1);
    for (const query of ["?limit=0", "?is_active=yes", "?source_type=api", "?approval_type=auto%00"]) {
      expect((await listOf(s, query)).status, query).toBe(400);
    }
  });

  it("PUT edits the answer (the example becomes the reviewer's) or switches it off; both are audited", async () => {
    const { s } = await orgWithExamples();
    const auto = GoldenExampleListSchema.parse((await listOf(s, "?approval_type=auto")).body).items[0]!;
    const edited = await callRoute(update, { method: "PUT", params: { id: auto.id }, body: { golden_response: "A better answer." }, cookie: s.adminCookie });
    expect(edited.body).toMatchObject({ golden_response: "A better answer.", approval_type: "manual", created_by: s.admin.id, is_active: true });
    const off = await callRoute(update, { method: "PUT", params: { id: auto.id }, body: { is_active: false }, cookie: s.reviewerCookie });
    expect(off.body).toMatchObject({ is_active: false, golden_response: "A better answer." });
    const audited = await db.selectFrom("AuditLog").select(["action", "data"]).where("targetId", "=", auto.id).where("action", "=", "golden_example.updated").orderBy("createdAt").orderBy("id").execute();
    expect(audited.map((entry) => entry.data)).toEqual([
      { before: { golden_response: "Answer 1.", approval_type: "auto" }, after: { golden_response: "A better answer.", approval_type: "manual" } },
      { before: { is_active: true }, after: { is_active: false } },
    ]);
    expect(await callRoute(update, { method: "PUT", params: { id: auto.id }, body: {}, cookie: s.reviewerCookie })).toMatchObject({
      status: 400,
      body: { detail: "body: name golden_response or is_active" },
    });
    expect((await callRoute(update, { method: "PUT", params: { id: auto.id }, body: { is_active: null }, cookie: s.reviewerCookie })).status).toBe(400);
  });

  it("DELETE removes it (204); unknown and other organizations' ids are 404; members get 403", async () => {
    const { s, manual } = await orgWithExamples();
    const other = await createReviewOrg(db, []);
    expect((await callRoute(remove, { method: "DELETE", params: { id: manual.id }, cookie: other.reviewerCookie })).status).toBe(404);
    expect((await callRoute(getOne, { params: { id: manual.id }, cookie: other.reviewerCookie })).status).toBe(404);
    expect((await callRoute(update, { method: "PUT", params: { id: manual.id }, body: { is_active: false }, cookie: other.adminCookie })).status).toBe(404);
    expect((await listOf(s, "", s.memberCookie)).status).toBe(403);
    expect((await createManual(s, { original_query: "q", golden_response: "a" }, s.memberCookie)).status).toBe(403);
    expect(await callRoute(remove, { method: "DELETE", params: { id: manual.id }, cookie: s.reviewerCookie })).toMatchObject({ status: 204 });
    expect(await countOf(db.selectFrom("GoldenExample").where("id", "=", manual.id))).toBe(0);
    expect((await callRoute(remove, { method: "DELETE", params: { id: manual.id }, cookie: s.reviewerCookie })).status).toBe(404);
  });

  it("golden_examples_count of the stats counts active examples only", async () => {
    const { s, manual } = await orgWithExamples();
    const { GET: stats } = await import("../admin/stats/route");
    const count = async () => ((await callRoute(stats, { path: "/api/feedback/admin/stats", cookie: s.reviewerCookie })).body as { golden_examples_count: number }).golden_examples_count;
    expect(await count()).toBe(3);
    await callRoute(update, { method: "PUT", params: { id: manual.id }, body: { is_active: false }, cookie: s.reviewerCookie });
    expect(await count()).toBe(2);
  });
});

describe(`GET /api/feedback/golden-examples/export (${provider})`, () => {
  it("JSONL: one chat fine-tuning record per active example, the golden response last, as a dated download", async () => {
    const { s } = await orgWithExamples();
    const today = new Date().toISOString().slice(0, 10);
    const response = await download(s, "?format=jsonl");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="golden-examples-${today}.jsonl"`);
    const records = response.text.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(records).toEqual([
      { messages: [{ role: "user", content: "Question 1?" }, { role: "assistant", content: "Answer 1." }] },
      {
        messages: [
          { role: "user", content: "Question 1?" },
          { role: "assistant", content: "Answer 1." },
          { role: "user", content: "Question 2?" },
          { role: "assistant", content: 'It costs "$10", per seat,\nbilled monthly.' },
        ],
      },
      { messages: [{ role: "user", content: "How do I log out?" }, { role: "assistant", content: "Open the menu and choose Sign out." }] },
    ]);
  });

  it("CSV: a header row, RFC 4180 quoting, context as JSON; filters apply; inactive ones only when asked", async () => {
    const { s, manual } = await orgWithExamples();
    await callRoute(update, { method: "PUT", params: { id: manual.id }, body: { is_active: false }, cookie: s.reviewerCookie });
    const response = await download(s, "?format=csv&approval_type=manual");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = response.text.split("\r\n");
    expect(lines[0]).toBe("id,feedback_id,source_type,approval_type,original_query,original_response,golden_response,context,created_at,updated_at");
    // The corrected answer has a quote, commas and a line break: quoted, quotes doubled, the break kept.
    expect(response.text).toContain(`,"It costs ""$10"", per seat,\nbilled monthly.","[{""role"":""user"",""content"":""Question 1?""},{""role"":""assistant"",""content"":""Answer 1.""},{""role"":""user"",""content"":""Question 2?""}]",`);
    expect(response.text).not.toContain("log out");
    const inactive = await download(s, "?format=csv&is_active=false");
    expect(inactive.text).toContain("How do I log out?");
    expect(inactive.text.trimEnd().split("\r\n")).toHaveLength(2);
  });

  it("answers a bad format with a 400 and members with a 403", async () => {
    const { s } = await orgWithExamples();
    expect((await download(s, "?format=xml")).status).toBe(400);
    expect((await download(s, "?format=jsonl", s.memberCookie)).status).toBe(403);
  });
});
