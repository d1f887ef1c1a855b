// GET|PUT /api/feedback/admin/settings (issue #10): reviewers read, admins change; PUT is a partial
// update; a change decides the very next vote.
import { describe, expect, it } from "vitest";
import { DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { callRoute } from "@/test/http";
import { createReviewOrg, type ReviewOrg } from "@/test/review-fixtures";
import { POST as submit } from "../../route";
import { GET as read, PUT as write } from "./route";

const db = getDb();

const DEFAULTS = {
  auto_approve_positive: true,
  auto_approve_negative: false,
  require_reason_positive: false,
  require_reason_negative: false,
  feedback_enabled: true,
  reason_options: DEFAULT_REASON_OPTIONS,
  max_reason_length: 1000,
  allowed_origins: [],
};

const put = (s: ReviewOrg, body: unknown, cookie = s.adminCookie) => callRoute(write, { method: "PUT", path: "/api/feedback/admin/settings", body, cookie });
const get = (s: ReviewOrg, cookie = s.reviewerCookie) => callRoute(read, { path: "/api/feedback/admin/settings", cookie });

describe(`feedback settings (${getDatabaseProvider()})`, () => {
  it("reviewers read the settings (the defaults for an organization without a row); members get 403", async () => {
    const s = await createReviewOrg(db, []);
    expect(await get(s)).toMatchObject({ status: 200, body: DEFAULTS });
    await db.deleteFrom("FeedbackSettings").where("organizationId", "=", s.organization.id).execute();
    expect(await get(s)).toMatchObject({ status: 200, body: DEFAULTS });
    expect(await get(s, s.memberCookie)).toMatchObject({ status: 403, body: { code: "forbidden", detail: "This needs the reviewer role" } });
  });

  it("PUT changes only the named settings, returns the whole object, ignores unknown keys and is audited", async () => {
    const s = await createReviewOrg(db, []);
    const reasonOptions = { positive: [{ key: "clear", label: "Clear" }], negative: [{ key: "wrong", label: "Wrong" }] };
    const response = await put(s, { auto_approve_positive: false, reason_options: reasonOptions, max_reason_length: 280, query_type: "x" });
    expect(response).toMatchObject({ status: 200, body: { ...DEFAULTS, auto_approve_positive: false, reason_options: reasonOptions, max_reason_length: 280 } });
    expect(await get(s)).toMatchObject({ body: response.body });
    expect((await put(s, { require_reason_negative: true })).body).toMatchObject({ auto_approve_positive: false, require_reason_negative: true, max_reason_length: 280 });
    const audit = await db.selectFrom("AuditLog").select(["action", "data", "actorUserId"]).where("organizationId", "=", s.organization.id).orderBy("createdAt").orderBy("id").execute();
    expect(audit).toEqual([
      {
        action: "settings.updated",
        actorUserId: s.admin.id,
        data: {
          before: { auto_approve_positive: true, reason_options: DEFAULT_REASON_OPTIONS, max_reason_length: 1000 },
          after: { auto_approve_positive: false, reason_options: reasonOptions, max_reason_length: 280 },
        },
      },
      { action: "settings.updated", actorUserId: s.admin.id, data: { before: { require_reason_negative: false }, after: { require_reason_negative: true } } },
    ]);
  });

  it.each([
    [{ auto_approve_positive: null }, "body.auto_approve_positive: Invalid input: expected boolean, received null"],
    [{ feedback_enabled: "yes" }, "body.feedback_enabled: Invalid input: expected boolean, received string"],
    [{ max_reason_length: 0 }, "body.max_reason_length: Too small"],
    [{ max_reason_length: 10_001 }, "body.max_reason_length: Too big"],
    [{ reason_options: { positive: [{ key: "A B", label: "x" }], negative: [] } }, "keys are 1-64 characters"],
    [{ reason_options: { positive: [{ key: "a", label: "x" }, { key: "a", label: "y" }], negative: [] } }, "keys must be unique within a feedback type"],
    [{ reason_options: { positive: [{ key: "a", label: "bad\u0000label" }], negative: [] } }, "must not contain NUL characters"],
    [{ allowed_origins: ["*"] }, "body.allowed_origins.0: wildcards are not allowed: list each origin"],
    [{ allowed_origins: ["https://*.example.com"] }, "body.allowed_origins.0: wildcards are not allowed"],
    [{ allowed_origins: ["https://chat.example.com/app"] }, "body.allowed_origins.0: must be an origin only (scheme, host and port): no path, query, fragment or user"],
    [{ allowed_origins: ["https://chat.example.com?x=1"] }, "body.allowed_origins.0: must be an origin only"],
    [{ allowed_origins: ["https://user@chat.example.com"] }, "body.allowed_origins.0: must be an origin only"],
    [{ allowed_origins: ["chat.example.com"] }, "body.allowed_origins.0: must start with https:// or http://"],
    [{ allowed_origins: ["null"] }, "body.allowed_origins.0: must start with https:// or http://"],
    [{ allowed_origins: ["https://exa mple.com"] }, "body.allowed_origins.0: must be an origin only"],
    [{ allowed_origins: ["https://a.example", 7] }, "body.allowed_origins.1: Invalid input: expected string, received number"],
    [{ allowed_origins: Array.from({ length: 51 }, (_, index) => `https://o${index}.example`) }, "body.allowed_origins: at most 50 origins"],
    [{ allowed_origins: "https://chat.example.com" }, "body.allowed_origins: Invalid input: expected array, received string"],
    [{}, "body: name at least one setting to change"],
    [[], "body: Invalid input: expected object, received array"],
  ])("refuses %j with a 400 and changes nothing", async (body, detail) => {
    const s = await createReviewOrg(db, []);
    expect(await put(s, body)).toMatchObject({ status: 400, body: { code: "validation_error", detail: expect.stringContaining(detail) } });
    expect(await get(s)).toMatchObject({ body: DEFAULTS });
  });

  it("stores allowed origins normalized as browsers send Origin, without duplicates, and audits the change", async () => {
    const s = await createReviewOrg(db, []);
    const response = await put(s, { allowed_origins: [" https://Chat.Example.com:443/ ", "http://localhost:3131", "https://chat.example.com", "http://[::1]:8080"] });
    expect(response).toEqual({
      status: 200,
      body: { ...DEFAULTS, allowed_origins: ["https://chat.example.com", "http://localhost:3131", "http://[::1]:8080"] },
      headers: expect.any(Headers),
    });
    expect(await get(s)).toMatchObject({ body: response.body });
    expect((await put(s, { allowed_origins: [] })).body).toEqual(DEFAULTS);
    const audit = await db.selectFrom("AuditLog").select("data").where("organizationId", "=", s.organization.id).orderBy("createdAt").orderBy("id").execute();
    expect(audit.map((entry) => entry.data)).toEqual([
      { before: { allowed_origins: [] }, after: { allowed_origins: ["https://chat.example.com", "http://localhost:3131", "http://[::1]:8080"] } },
      { before: { allowed_origins: ["https://chat.example.com", "http://localhost:3131", "http://[::1]:8080"] }, after: { allowed_origins: [] } },
    ]);
  });

  it("only admins change settings: reviewers and members get 403", async () => {
    const s = await createReviewOrg(db, []);
    expect(await put(s, { feedback_enabled: false }, s.reviewerCookie)).toMatchObject({ status: 403, body: { code: "forbidden", detail: "This needs the admin role" } });
    expect((await put(s, { feedback_enabled: false }, s.memberCookie)).status).toBe(403);
    expect(await get(s)).toMatchObject({ body: { feedback_enabled: true } });
  });

  it("a change decides the very next vote", async () => {
    const s = await createReviewOrg(db, [undefined, undefined, undefined]);
    const vote = (index: number, feedback_type = "positive") =>
      callRoute(submit, { method: "POST", body: { message_id: s.messages[index]!.id, feedback_type }, cookie: s.memberCookie });
    expect((await vote(1)).body).toMatchObject({ status: "auto_approved" });
    await put(s, { auto_approve_positive: false, require_reason_negative: true });
    expect((await vote(3)).body).toMatchObject({ status: "pending" });
    expect(await vote(5, "negative")).toMatchObject({ status: 400, body: { code: "reason_required" } });
    await put(s, { feedback_enabled: false });
    expect(await vote(5)).toMatchObject({ status: 403, body: { code: "feedback_disabled" } });
  });
});
