// A client of the original feedback API's kind, written as that API's own frontend calls it: paths
// with a trailing slash, fields the original sends that this API does not know (`query_type`), and
// errors read from `detail`. It authenticates with whatever headers it is given (a personal access
// token in the script; a session cookie too in the test that compares the two), rates two of the
// caller's assistant messages (starting a chat when there are none), works them through the review
// endpoints, and removes the votes and golden examples it made.
// No app imports: it talks HTTP only, like any outside client.

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  baseUrl: string;
  /** How the client authenticates, e.g. `{ authorization: "Bearer fk_pat_…" }`. */
  headers: Record<string, string>;
  fetch?: Fetch;
}

/** One call: what was sent, what came back, and the few fields that say whether it did its job. */
export interface ClientStep {
  step: string;
  method: string;
  path: string;
  status: number;
  expected: number;
  /** The error's `detail`, as the original frontend shows it. */
  detail?: string;
  summary?: Record<string, unknown>;
}

type Json = Record<string, unknown>;

interface Call {
  step: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
  expected: number;
  /** The fields of the answer worth comparing (ids and timestamps differ from run to run). */
  pick?: (body: Json) => Record<string, unknown>;
  /** Send without the credential. */
  anonymous?: boolean;
}

const pick =
  (...keys: string[]) =>
  (body: Json) =>
    Object.fromEntries(keys.map((key) => [key, body[key]]));

/** Too few messages to rate: the script needs two assistant answers in the caller's own chats. */
export class NothingToRateError extends Error {
  override name = "NothingToRateError";
}

export async function runOriginalApiClient(options: ClientOptions): Promise<ClientStep[]> {
  const doFetch = options.fetch ?? fetch;
  const steps: ClientStep[] = [];

  async function call(request: Call): Promise<Json> {
    const url = `${options.baseUrl.replace(/\/$/, "")}${request.path}`;
    const response = await doFetch(url, {
      method: request.method,
      headers: {
        accept: "application/json",
        ...(request.anonymous ? {} : options.headers),
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    const parsed: unknown = type.includes("application/json") && text ? JSON.parse(text) : text;
    const body: Json = parsed !== null && typeof parsed === "object" ? (parsed as Json) : { value: parsed };
    const step: ClientStep = { step: request.step, method: request.method, path: request.path, status: response.status, expected: request.expected };
    if (response.status >= 400) step.detail = typeof body.detail === "string" ? body.detail : `HTTP ${response.status}`;
    else if (request.pick) step.summary = request.pick(body);
    steps.push(step);
    return body;
  }

  const items = (body: Json) => (Array.isArray(body.items) ? (body.items as Json[]) : []);

  // What the original frontend renders: the organization's rating options, then the user's chats.
  await call({ step: "feedback config", method: "GET", path: "/api/feedback/config/", expected: 200, pick: pick("feedback_enabled") });
  const chats = await call({ step: "own conversations", method: "GET", path: "/api/chat/conversations/?limit=50", expected: 200 });
  const answers: string[] = [];
  for (const chat of items(chats)) {
    if (answers.length >= 2) break;
    const detail = await call({ step: "one conversation", method: "GET", path: `/api/chat/conversations/${String(chat.id)}/`, expected: 200 });
    const messages = Array.isArray(detail.messages) ? (detail.messages as Json[]) : [];
    answers.push(...messages.filter((message) => message.role === "assistant").map((message) => String(message.id)));
  }
  if (answers.length < 2) {
    // Nothing to rate yet: start a chat of its own, as the demo chat does (its answers stream back as events).
    const chat = await call({ step: "start a chat", method: "POST", path: "/api/chat/conversations/", body: { title: "Original API client" }, expected: 201 });
    for (const question of ["How do I get a refund?", "And how long does it take?"]) {
      await call({ step: "ask", method: "POST", path: `/api/chat/conversations/${String(chat.id)}/messages/`, body: { content: question }, expected: 200 });
    }
    const detail = await call({ step: "the new chat", method: "GET", path: `/api/chat/conversations/${String(chat.id)}/`, expected: 200 });
    const messages = Array.isArray(detail.messages) ? (detail.messages as Json[]) : [];
    answers.push(...messages.filter((message) => message.role === "assistant").map((message) => String(message.id)));
  }
  const [negative, positive] = answers;
  if (!negative || !positive) throw new NothingToRateError("The token's user has no two assistant answers to rate, and a new chat did not get them");

  // User endpoints.
  const vote = (message_id: string, feedback_type: string, extra: Json = {}) => ({ message_id, feedback_type, query_type: "faq", ...extra });
  await call({ step: "rate negative", method: "POST", path: "/api/feedback/", body: vote(negative, "negative", { reason: "The answer is out of date" }), expected: 201, pick: pick("feedback_type", "status", "reason") });
  await call({ step: "read own vote", method: "GET", path: `/api/feedback/message/${negative}/`, expected: 200, pick: pick("feedback_type", "reason") });
  await call({ step: "rate the second answer", method: "POST", path: "/api/feedback/", body: vote(positive, "negative"), expected: 201, pick: pick("feedback_type", "status") });
  await call({ step: "change vote", method: "POST", path: "/api/feedback/", body: vote(positive, "positive"), expected: 200, pick: pick("feedback_type", "status") });
  await call({ step: "unknown feedback type", method: "POST", path: "/api/feedback/", body: vote(negative, "neutral"), expected: 400 });
  await call({ step: "unknown message", method: "GET", path: "/api/feedback/message/no-such-message/", expected: 404 });
  await call({ step: "votes in a list", method: "GET", path: `/api/feedback/?message_ids=${negative},${positive}`, expected: 200, pick: (body) => ({ count: items(body).length }) });

  // Admin endpoints, as the original review screens call them.
  const queue = await call({
    step: "review queue",
    method: "GET",
    path: "/api/feedback/admin/list/?limit=20&offset=0&status=pending&type=negative&query_type=faq",
    expected: 200,
    pick: (body) => ({ limit: body.limit, offset: body.offset, has_the_vote: items(body).some((item) => item.message_id === negative) }),
  });
  const negativeId = String(items(queue).find((item) => item.message_id === negative)?.id ?? "missing");
  await call({ step: "stats", method: "GET", path: "/api/feedback/admin/stats/", expected: 200, pick: (body) => ({ counters: Object.keys(body).sort() }) });
  await call({ step: "stats per day", method: "GET", path: "/api/feedback/admin/stats/daily/", expected: 200, pick: (body) => ({ has_days: Array.isArray(body.days) || Array.isArray(body.items) }) });
  const settings = await call({ step: "settings", method: "GET", path: "/api/feedback/admin/settings/", expected: 200, pick: pick("auto_approve_positive") });
  await call({
    step: "save settings unchanged",
    method: "PUT",
    path: "/api/feedback/admin/settings/",
    body: { auto_approve_positive: settings.auto_approve_positive, query_type: "faq" },
    expected: 200,
    pick: pick("auto_approve_positive"),
  });
  await call({ step: "review item", method: "GET", path: `/api/feedback/admin/${negativeId}/`, expected: 200, pick: pick("feedback_type", "status", "has_golden_example") });
  await call({ step: "draft a correction", method: "POST", path: `/api/feedback/admin/${negativeId}/generate-response/`, body: { query_type: "faq" }, expected: 200, pick: (body) => ({ answered: typeof body.success === "boolean" }) });
  await call({ step: "resolve without correction", method: "POST", path: `/api/feedback/admin/${negativeId}/resolve/`, body: { query_type: "faq" }, expected: 400 });
  await call({
    step: "resolve",
    method: "POST",
    path: `/api/feedback/admin/${negativeId}/resolve/`,
    body: { golden_response: "Open Settings, then Billing, then Refunds.", query_type: "faq" },
    expected: 200,
    pick: pick("status", "has_golden_example", "golden_response"),
  });
  const golden = await call({ step: "golden examples", method: "GET", path: "/api/feedback/golden-examples/?limit=100", expected: 200 });
  const goldenId = String(items(golden).find((example) => example.feedback_id === negativeId)?.id ?? "missing");
  await call({ step: "golden example", method: "GET", path: `/api/feedback/golden-examples/${goldenId}/`, expected: 200, pick: pick("approval_type", "is_active", "golden_response") });
  await call({ step: "deactivate golden example", method: "PUT", path: `/api/feedback/golden-examples/${goldenId}/`, body: { is_active: false }, expected: 200, pick: pick("is_active") });
  await call({ step: "export", method: "GET", path: "/api/feedback/golden-examples/export/?format=jsonl", expected: 200 });
  const manual = await call({
    step: "add a golden example",
    method: "POST",
    path: "/api/feedback/golden-examples/",
    body: { original_query: "How do I reset my password?", golden_response: "Use Forgot password on the sign-in page.", query_type: "faq" },
    expected: 201,
    pick: pick("approval_type", "source_type", "is_active"),
  });
  await call({ step: "delete the added example", method: "DELETE", path: `/api/feedback/golden-examples/${String(manual.id)}/`, expected: 204 });
  await call({ step: "delete golden example", method: "DELETE", path: `/api/feedback/golden-examples/${goldenId}/`, expected: 204 });
  await call({ step: "golden example gone", method: "GET", path: `/api/feedback/golden-examples/${goldenId}/`, expected: 404 });
  const positiveId = String(items(await call({ step: "all votes", method: "GET", path: "/api/feedback/admin/list/?limit=100", expected: 200 })).find((item) => item.message_id === positive)?.id ?? "missing");
  await call({ step: "dismiss", method: "POST", path: `/api/feedback/admin/${positiveId}/dismiss/`, body: { reason: "Not actionable", query_type: "faq" }, expected: 200, pick: pick("status") });
  await call({ step: "dismiss again", method: "POST", path: `/api/feedback/admin/${positiveId}/dismiss/`, body: {}, expected: 409 });
  await call({ step: "restore", method: "POST", path: `/api/feedback/admin/${positiveId}/restore/`, body: {}, expected: 200, pick: pick("status") });
  await call({
    step: "bulk dismiss",
    method: "POST",
    path: "/api/feedback/admin/bulk/",
    body: { action: "dismiss", ids: [positiveId, "no-such-feedback"], reason: "Duplicate" },
    expected: 200,
    pick: (body) => ({ results: (Array.isArray(body.results) ? (body.results as Json[]) : []).map((result) => result.status ?? result.ok ?? result.code) }),
  });
  await call({ step: "audit log", method: "GET", path: `/api/feedback/admin/audit/?item=${positiveId}&limit=50`, expected: 200, pick: (body) => ({ actions: items(body).map((entry) => entry.action) }) });

  // Clean up what the run made, then show that the API says why a call without a credential fails.
  await call({ step: "delete vote", method: "DELETE", path: `/api/feedback/admin/${positiveId}/`, expected: 204 });
  await call({ step: "withdraw vote", method: "DELETE", path: `/api/feedback/message/${negative}/`, expected: 204 });
  await call({ step: "vote withdrawn", method: "GET", path: `/api/feedback/message/${negative}/`, expected: 200, pick: (body) => ({ value: body.value }) });
  await call({ step: "without a credential", method: "GET", path: "/api/feedback/config/", expected: 401, anonymous: true });
  return steps;
}

/** Steps whose status was not the one the original frontend expects. */
export const unexpectedSteps = (steps: readonly ClientStep[]) => steps.filter((step) => step.status !== step.expected);
