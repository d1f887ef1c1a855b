// An in-memory review API for the admin stories, served by MSW: the transitions, the 409s and the
// validation are the server's (its zod schemas; the same transition rules), so stories meet real answers.
import { delay, http, HttpResponse } from "msw";
import type { z } from "zod";
import { BulkReviewBodySchema, CreateGoldenExampleBodySchema, UpdateFeedbackSettingsBodySchema, type AdminFeedbackDetail, type FeedbackSettings, type GoldenExample } from "@/lib/api/admin-schemas";
import type { FeedbackStatus } from "@/lib/api/schemas";
import { sampleGoldenExamples, sampleQueue, SAMPLE_SETTINGS } from "./admin-fixtures";

type Latency = number | "infinite";

export interface MockAdminApiOptions {
  queue?: () => AdminFeedbackDetail[];
  goldenExamples?: () => GoldenExample[];
  settings?: FeedbackSettings;
  latency?: Latency;
  /** Status the queue (and golden-example) list answers with instead of the data, e.g. 500. */
  failLists?: number;
  /** Ids whose next review action answers 409 item_changed: another reviewer got there first. */
  changedByOthers?: string[];
  /** The responder's answer to "Draft with AI": a draft, or the reason it failed. */
  draft?: { text: string } | { error: string };
}

export interface RecordedAdminCall {
  method: string;
  path: string;
  body?: unknown;
}

const error = (status: number, detail: string, code: string, extra: object = {}) => HttpResponse.json({ detail, code, ...extra }, { status });
/** The route wrapper's 400 for a body its schema refuses. */
function validationError(zodError: z.ZodError) {
  const errors = zodError.issues.map((issue) => ({ location: "body", path: issue.path.join("."), message: `body.${issue.path.join(".")}: ${issue.message}` }));
  return error(400, errors.map((entry) => entry.message).join("; "), "validation_error", { errors });
}
const ALLOWED: Record<string, FeedbackStatus[]> = { resolve: ["pending", "auto_approved"], dismiss: ["pending", "auto_approved"], restore: ["dismissed"] };
const RESULT: Record<string, FeedbackStatus> = { resolve: "reviewed", dismiss: "dismissed", restore: "pending" };

export function mockAdminApi(options: MockAdminApiOptions = {}) {
  let items: AdminFeedbackDetail[] = [];
  let golden: GoldenExample[] = [];
  let settings: FeedbackSettings = SAMPLE_SETTINGS;
  let changedByOthers = new Set<string>();
  const calls: RecordedAdminCall[] = [];

  function reset() {
    items = (options.queue ?? sampleQueue)();
    golden = (options.goldenExamples ?? sampleGoldenExamples)();
    settings = options.settings ?? SAMPLE_SETTINGS;
    changedByOthers = new Set(options.changedByOthers);
    calls.length = 0;
  }
  reset();

  const wait = async () => {
    if (options.latency === "infinite") await delay("infinite");
    else await delay(options.latency ?? 40);
  };

  const strip = ({ context: _context, ...rest }: AdminFeedbackDetail) => rest;

  /** One review action, as the server's review service applies it. */
  function review(id: string, action: string, body: { golden_response?: string; reason?: string | null }): { ok: true; item: AdminFeedbackDetail } | { ok: false; status: number; code: string; detail: string } {
    const item = items.find((entry) => entry.id === id);
    if (!item) return { ok: false, status: 404, code: "not_found", detail: "Feedback not found" };
    if (changedByOthers.delete(id)) {
      Object.assign(item, { status: "dismissed", reviewer_email: "sam@acme.test", reviewed_at: "2026-11-30T09:12:00.000Z", updated_at: "2026-11-30T09:12:00.000Z" });
      return { ok: false, status: 409, code: "item_changed", detail: "This feedback changed since you loaded it: it is dismissed (by sam@acme.test at 2026-11-30T09:12:00.000Z)" };
    }
    if (!ALLOWED[action]!.includes(item.status)) {
      return { ok: false, status: 409, code: "transition_not_allowed", detail: `Cannot ${action} this feedback: it is ${item.status}` };
    }
    if (action === "resolve" && item.feedback_type === "negative" && !body.golden_response?.trim()) {
      return { ok: false, status: 400, code: "golden_response_required", detail: "Resolving negative feedback needs the corrected answer: send golden_response" };
    }
    const now = new Date().toISOString();
    Object.assign(item, {
      status: RESULT[action],
      updated_at: now,
      reviewer_email: action === "restore" ? null : "rey@acme.test",
      reviewed_at: action === "restore" ? null : now,
      ...(action === "resolve" ? { has_golden_example: true, golden_example_id: `ge-${id}`, golden_response: body.golden_response ?? item.original_response } : {}),
      ...(action === "dismiss" ? { dismissal_reason: body.reason ?? null } : {}),
    });
    return { ok: true, item };
  }

  const record = (request: Request, body?: unknown) => calls.push({ method: request.method, path: new URL(request.url).pathname, body });

  const handlers = [
    http.get("*/api/feedback/admin/list", async ({ request }) => {
      record(request);
      await wait();
      if (options.failLists) return error(options.failLists, "Internal server error", "internal_error");
      const query = new URL(request.url).searchParams;
      const matching = items.filter(
        (item) =>
          (!query.get("status") || item.status === query.get("status")) &&
          (!query.get("type") || item.feedback_type === query.get("type")) &&
          (!query.get("search") || `${item.original_query} ${item.original_response} ${item.reason ?? ""}`.toLowerCase().includes(query.get("search")!.toLowerCase())),
      );
      const limit = Number(query.get("limit") ?? 20);
      const offset = Number(query.get("offset") ?? 0);
      return HttpResponse.json({ items: matching.slice(offset, offset + limit).map(strip), total: matching.length, limit, offset });
    }),
    http.get("*/api/feedback/admin/stats", async ({ request }) => {
      record(request);
      await wait();
      const count = (status: FeedbackStatus) => items.filter((item) => item.status === status).length;
      return HttpResponse.json({
        total_feedback: items.length,
        positive_count: items.filter((item) => item.feedback_type === "positive").length,
        negative_count: items.filter((item) => item.feedback_type === "negative").length,
        pending_count: count("pending"),
        auto_approved_count: count("auto_approved"),
        reviewed_count: count("reviewed"),
        dismissed_count: count("dismissed"),
        golden_examples_count: golden.filter((example) => example.is_active).length,
      });
    }),
    http.get("*/api/feedback/admin/settings", async ({ request }) => {
      record(request);
      await wait();
      return HttpResponse.json(settings);
    }),
    http.put("*/api/feedback/admin/settings", async ({ request }) => {
      const body: unknown = await request.json();
      record(request, body);
      await wait();
      const parsed = UpdateFeedbackSettingsBodySchema.safeParse(body);
      if (!parsed.success) return validationError(parsed.error);
      settings = { ...settings, ...parsed.data };
      return HttpResponse.json(settings);
    }),
    http.post("*/api/feedback/admin/bulk", async ({ request }) => {
      const body = BulkReviewBodySchema.parse(await request.json());
      record(request, body);
      await wait();
      const results = body.ids.map((id) => {
        const outcome = review(id, body.action, { reason: body.reason });
        return outcome.ok ? { id, ok: true, item: strip(outcome.item) } : { id, ok: false, error: { code: outcome.code, detail: outcome.detail } };
      });
      const succeeded = results.filter((result) => result.ok).length;
      return HttpResponse.json({ results, succeeded, failed: results.length - succeeded });
    }),
    http.get("*/api/feedback/admin/:id", async ({ request, params }) => {
      record(request);
      await wait();
      const item = items.find((entry) => entry.id === params.id);
      return item ? HttpResponse.json(item) : error(404, "Feedback not found", "not_found");
    }),
    http.post("*/api/feedback/admin/:id/generate-response", async ({ request, params }) => {
      record(request);
      await wait();
      if (!items.some((entry) => entry.id === params.id)) return error(404, "Feedback not found", "not_found");
      const draft = options.draft ?? { text: "A corrected answer." };
      return HttpResponse.json(
        "text" in draft
          ? { success: true, generated_response: draft.text, generation_time_ms: 40 }
          : { success: false, generated_response: null, generation_time_ms: 40, error: draft.error },
      );
    }),
    http.post("*/api/feedback/admin/:id/:action", async ({ request, params }) => {
      const body = (await request.json()) as { golden_response?: string; reason?: string | null };
      record(request, body);
      await wait();
      const outcome = review(String(params.id), String(params.action), body);
      return outcome.ok ? HttpResponse.json(strip(outcome.item)) : error(outcome.status, outcome.detail, outcome.code);
    }),
    http.delete("*/api/feedback/admin/:id", async ({ request, params }) => {
      record(request);
      await wait();
      items = items.filter((item) => item.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get("*/api/feedback/golden-examples", async ({ request }) => {
      record(request);
      await wait();
      if (options.failLists) return error(options.failLists, "Internal server error", "internal_error");
      const query = new URL(request.url).searchParams;
      const matching = golden.filter(
        (example) =>
          (!query.get("is_active") || String(example.is_active) === query.get("is_active")) &&
          (!query.get("source_type") || example.source_type === query.get("source_type")) &&
          (!query.get("search") || `${example.original_query} ${example.golden_response}`.toLowerCase().includes(query.get("search")!.toLowerCase())),
      );
      return HttpResponse.json({ items: matching, total: matching.length, limit: Number(query.get("limit") ?? 20), offset: Number(query.get("offset") ?? 0) });
    }),
    http.post("*/api/feedback/golden-examples", async ({ request }) => {
      const body: unknown = await request.json();
      record(request, body);
      await wait();
      const parsed = CreateGoldenExampleBodySchema.safeParse(body);
      if (!parsed.success) return validationError(parsed.error);
      const now = new Date().toISOString();
      const example: GoldenExample = {
        id: `ge-manual-${golden.length + 1}`,
        feedback_id: null,
        source_type: "manual",
        approval_type: "manual",
        original_query: parsed.data.original_query,
        original_response: parsed.data.original_response ?? parsed.data.golden_response,
        golden_response: parsed.data.golden_response,
        context: parsed.data.context ?? [],
        created_by: "user-rey",
        is_active: true,
        created_at: now,
        updated_at: now,
      };
      golden = [example, ...golden];
      return HttpResponse.json(example, { status: 201 });
    }),
    http.put("*/api/feedback/golden-examples/:id", async ({ request, params }) => {
      const body = (await request.json()) as Partial<GoldenExample>;
      record(request, body);
      await wait();
      const example = golden.find((entry) => entry.id === params.id);
      if (!example) return error(404, "Golden example not found", "not_found");
      Object.assign(example, body, { updated_at: new Date().toISOString() });
      return HttpResponse.json(example);
    }),
    http.delete("*/api/feedback/golden-examples/:id", async ({ request, params }) => {
      record(request);
      await wait();
      golden = golden.filter((entry) => entry.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return { handlers, calls, reset };
}

export type MockAdminApi = ReturnType<typeof mockAdminApi>;
