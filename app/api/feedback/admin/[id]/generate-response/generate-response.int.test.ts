// POST /api/feedback/admin/{id}/generate-response (issue #10, "Draft a correction"): what the
// responder is asked, the original API's answer shape, failures as answers, access. On each database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { startFakeOpenAi, streamedAnswer, useFakeOpenAiResponder, type FakeOpenAi } from "@/test/fake-openai";
import { callRoute } from "@/test/http";
import { createReviewOrg, type ReviewOrg } from "@/test/review-fixtures";
import { GET as getItem } from "../route";
import { POST as generate } from "./route";

const db = getDb();
const provider = getDatabaseProvider();

const draft = (s: ReviewOrg, id: string, cookie = s.reviewerCookie) => callRoute(generate, { method: "POST", params: { id }, cookie });

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe(`POST /api/feedback/admin/{id}/generate-response (${provider})`, () => {
  let s: ReviewOrg;
  beforeAll(async () => {
    s = await createReviewOrg(db, [{ type: "positive" }, { type: "negative", reason: "It costs 20 now", reasonKeys: ["outdated", "incorrect"] }]);
  });

  it("drafts offline by default: the rated answer with a note naming the feedback, and changes nothing", async () => {
    const before = await callRoute(getItem, { params: { id: s.feedback[1]!.id }, cookie: s.reviewerCookie });
    const response = await draft(s, s.feedback[1]!.id);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      success: true,
      generated_response: expect.stringMatching(/^Answer 2\.\n\n\[Draft: revise the answer above for this feedback — Outdated; Incorrect; It costs 20 now\./),
      generation_time_ms: expect.any(Number),
    });
    expect(await callRoute(getItem, { params: { id: s.feedback[1]!.id }, cookie: s.reviewerCookie })).toEqual(before);
  });

  describe("with an OpenAI-compatible endpoint", () => {
    useFakeOpenAiResponder(() => fake);

    it("asks for a correction given the conversation, the rated answer and the user's reasons", async () => {
      fake.answerWith(streamedAnswer(["It costs ", "20 a month."]));
      const response = await draft(s, s.feedback[1]!.id, s.adminCookie);
      expect(response).toMatchObject({ status: 200, body: { success: true, generated_response: "It costs 20 a month." } });
      const messages = (JSON.parse(fake.requests[0]!.body) as { messages: Array<{ role: string; content: string }> }).messages;
      expect(messages.slice(1)).toEqual([
        { role: "user", content: "Question 1?" },
        { role: "assistant", content: "Answer 1." },
        { role: "user", content: "Question 2?" },
        { role: "assistant", content: "Answer 2." },
        { role: "user", content: expect.stringContaining("Feedback on your last answer: Outdated; Incorrect; It costs 20 now") },
      ]);
      expect(messages[0]).toMatchObject({ role: "system" });
    });

    it("answers a failing endpoint with success false and words for the reviewer", async () => {
      fake.answerWith((_request, _body, response) => response.writeHead(503, { "content-type": "application/json" }).end('{"error":{"message":"overloaded"}}'));
      const response = await draft(s, s.feedback[1]!.id);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ success: false, generated_response: null, generation_time_ms: expect.any(Number), error: "The assistant service answered 503" });
    });
  });

  it("is for reviewers and admins of the vote's organization", async () => {
    const other = await createReviewOrg(db, [{ type: "negative" }]);
    expect((await draft(s, s.feedback[1]!.id, s.memberCookie)).status).toBe(403);
    expect(await draft(other, s.feedback[1]!.id)).toMatchObject({ status: 404, body: { code: "not_found", detail: "Feedback not found" } });
    expect(await draft(s, "0198c3a0-0000-7000-8000-000000000000")).toMatchObject({ status: 404, body: { code: "not_found" } });
    expect(await draft(s, "x".repeat(129))).toMatchObject({ status: 400, body: { code: "validation_error" } });
    expect(fake.requests).toEqual([]);
  });
});
