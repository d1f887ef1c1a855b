// An in-memory feedback API for stories, served by MSW. It validates with the app's own zod
// schemas and applies the same reason rules as the server, so stories meet the real answers.
import { delay, http, HttpResponse } from "msw";
import {
  SubmitFeedbackBodySchema,
  type FeedbackConfig,
  type FeedbackResponse,
  type FeedbackType,
} from "@/lib/api/schemas";
import { DEFAULT_MAX_REASON_LENGTH, DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";

export const DEFAULT_CONFIG: FeedbackConfig = {
  feedback_enabled: true,
  reason_required: { positive: false, negative: false },
  reason_options: DEFAULT_REASON_OPTIONS,
  max_reason_length: DEFAULT_MAX_REASON_LENGTH,
};

/** "infinite" never answers: the loading and submitting states stay on screen. */
type Latency = number | "infinite";

export interface MockFeedbackApiOptions {
  config?: Partial<FeedbackConfig>;
  /** Votes stored before the story starts. */
  votes?: Array<{ message_id: string; feedback_type: FeedbackType; reason?: string | null; reason_keys?: string[] }>;
  /** Message ids per conversation id, for `?conversation_id=` reads. */
  conversations?: Record<string, string[]>;
  readLatency?: Latency;
  writeLatency?: Latency;
  /** Statuses the first writes fail with, in order (e.g. `[500]`: the first write fails, the next succeeds); 0 is a network error. */
  failWrites?: number[];
  /** Statuses the first vote reads fail with, in order. */
  failReads?: number[];
  /** Bearer tokens the API answers 401 to, as it does an expired or revoked feedback token. */
  rejectedTokens?: string[];
}

export interface RecordedCall {
  method: string;
  origin: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  authorization: string | null;
}

const error = (status: number, detail: string, code: string) => HttpResponse.json({ detail, code }, { status });

/** A planned failure: the network (0), a concurrent change (409) or the server (5xx). */
function failed(status: number) {
  if (status === 0) return HttpResponse.error();
  if (status === 409) return error(409, "Concurrent requests changed the same data; retry", "concurrent_write");
  return error(status, "Internal server error", "internal_error");
}

function toResponse(vote: NonNullable<MockFeedbackApiOptions["votes"]>[number], index: number): FeedbackResponse {
  const time = new Date(Date.UTC(2026, 11, 1, 10, index)).toISOString();
  return {
    id: `fb-${vote.message_id}`,
    message_id: vote.message_id,
    user_id: "user-story",
    feedback_type: vote.feedback_type,
    reason: vote.reason ?? null,
    reason_keys: vote.reason_keys ?? [],
    status: vote.feedback_type === "positive" ? "auto_approved" : "pending",
    reviewed_by: null,
    reviewed_at: null,
    created_at: time,
    updated_at: time,
  };
}

export function mockFeedbackApi(options: MockFeedbackApiOptions = {}) {
  const config: FeedbackConfig = { ...DEFAULT_CONFIG, ...options.config };
  const votes = new Map<string, FeedbackResponse>();
  const calls: RecordedCall[] = [];
  let failures: number[] = [];
  let readFailures: number[] = [];

  /** Back to the story's starting data: stories and their tests may run more than once. */
  function reset() {
    votes.clear();
    (options.votes ?? []).forEach((vote, index) => votes.set(vote.message_id, toResponse(vote, index)));
    calls.length = 0;
    failures = [...(options.failWrites ?? [])];
    readFailures = [...(options.failReads ?? [])];
  }
  reset();

  /** Records the call; answers the 401 the API gives a rejected token, if it carries one. */
  async function record(request: Request, body?: unknown) {
    const url = new URL(request.url);
    const authorization = request.headers.get("authorization");
    calls.push({ method: request.method, origin: url.origin, path: url.pathname, query: Object.fromEntries(url.searchParams), body, authorization });
    const token = authorization?.replace(/^Bearer /, "");
    return token && options.rejectedTokens?.includes(token) ? error(401, "Invalid or expired feedback token", "unauthenticated") : null;
  }

  const wait = async (latency: Latency | undefined) => {
    if (latency === "infinite") await delay("infinite");
    else await delay(latency ?? 80);
  };

  const handlers = [
    http.get("*/api/feedback/config", async ({ request }) => {
      const refused = await record(request);
      if (refused) return refused;
      await wait(options.readLatency);
      return HttpResponse.json(config);
    }),
    http.get("*/api/feedback", async ({ request }) => {
      const refused = await record(request);
      if (refused) return refused;
      await wait(options.readLatency);
      const readFailure = readFailures.shift();
      if (readFailure !== undefined) return failed(readFailure);
      const query = new URL(request.url).searchParams;
      const conversationId = query.get("conversation_id");
      const ids = conversationId ? options.conversations?.[conversationId] : query.get("message_ids")?.split(",");
      if (!ids) return conversationId ? error(404, "Conversation not found", "not_found") : error(400, "pass exactly one of conversation_id and message_ids", "validation_error");
      return HttpResponse.json({ items: ids.flatMap((id) => votes.get(id) ?? []) });
    }),
    http.post("*/api/feedback", async ({ request }) => {
      const body: unknown = await request.json();
      const refused = await record(request, body);
      if (refused) return refused;
      await wait(options.writeLatency);
      const failure = failures.shift();
      if (failure !== undefined) return failed(failure);
      const parsed = SubmitFeedbackBodySchema.safeParse(body);
      if (!parsed.success) return error(400, parsed.error.message, "validation_error");
      const { message_id, feedback_type } = parsed.data;
      if (!config.feedback_enabled) return error(403, "Feedback is turned off for this organization", "forbidden");
      const reason = parsed.data.reason?.trim() || null;
      const reasonKeys = [...new Set(parsed.data.reason_keys ?? [])];
      if (reason && reason.length > config.max_reason_length) return error(400, `reason is longer than ${config.max_reason_length} characters`, "reason_too_long");
      const allowed = new Set(config.reason_options[feedback_type].map((option) => option.key));
      if (reasonKeys.some((key) => !allowed.has(key))) return error(400, `Unknown reason option for ${feedback_type} feedback`, "unknown_reason_option");
      if (config.reason_required[feedback_type] && !reason && reasonKeys.length === 0) {
        return error(400, `A reason is required for ${feedback_type} feedback`, "reason_required");
      }
      const existing = votes.get(message_id);
      const stored: FeedbackResponse = {
        ...toResponse({ message_id, feedback_type }, votes.size),
        ...(existing?.feedback_type === feedback_type ? { status: existing.status } : {}),
        reason,
        reason_keys: reasonKeys,
      };
      votes.set(message_id, stored);
      return HttpResponse.json(stored, { status: existing ? 200 : 201 });
    }),
    http.delete("*/api/feedback/message/:messageId", async ({ request, params }) => {
      const refused = await record(request);
      if (refused) return refused;
      await wait(options.writeLatency);
      const failure = failures.shift();
      if (failure !== undefined) return failed(failure);
      votes.delete(String(params.messageId));
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return {
    handlers,
    reset,
    calls,
    /** Calls of one method to one path, e.g. `callsTo("POST", "/api/feedback")`. */
    callsTo: (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path),
    storedVote: (messageId: string) => votes.get(messageId) ?? null,
  };
}

export type MockFeedbackApi = ReturnType<typeof mockFeedbackApi>;
