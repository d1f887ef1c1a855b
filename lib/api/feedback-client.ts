// The browser's typed client for the feedback API (also usable on a server). Types only come from
// the zod schemas and endpoint contracts (`import type`), so zod never reaches the browser bundle.
import type { z } from "zod";
import { createTokenCache, type GetToken } from "./bearer-token";
import type { Endpoint } from "./endpoint";
import { errorFromResponse, FeedbackApiError } from "./feedback-api-error";
import type * as contracts from "./feedback-endpoints";
import type { FeedbackConfig, FeedbackListResponse, FeedbackResponse, MAX_LISTED_MESSAGE_IDS } from "./schemas";

type Route<E extends Endpoint> = { method: E["method"]; path: E["path"] };
type BodyOf<E extends Endpoint> = E extends Endpoint<z.ZodType, z.ZodType, infer Body> ? z.input<Body> : never;
type QueryOf<E extends Endpoint> = E extends Endpoint<z.ZodType, infer Query> ? z.input<Query> : never;
type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

// The paths the client calls; TypeScript fails here when a contract's method or path changes.
const ROUTES = {
  submit: { method: "POST", path: "/api/feedback" },
  list: { method: "GET", path: "/api/feedback" },
  message: { method: "GET", path: "/api/feedback/message/{message_id}" },
  withdraw: { method: "DELETE", path: "/api/feedback/message/{message_id}" },
  config: { method: "GET", path: "/api/feedback/config" },
} as const satisfies {
  submit: Route<typeof contracts.submitFeedback>;
  list: Route<typeof contracts.listFeedback>;
  message: Route<typeof contracts.getMessageFeedback>;
  withdraw: Route<typeof contracts.withdrawFeedback>;
  config: Route<typeof contracts.getFeedbackConfig>;
};

/** Most message ids one list request may carry (the server's limit). */
export const MAX_IDS_PER_REQUEST: typeof MAX_LISTED_MESSAGE_IDS = 500;

export type SubmitFeedbackInput = BodyOf<typeof contracts.submitFeedback>;

export interface FeedbackClientOptions {
  /** Where the Feedback Kit app is, e.g. "https://feedback.example.com"; empty (the default) for the page's own origin. */
  baseUrl?: string;
  /** Replaces the global `fetch` (tests, instrumentation, a proxy). */
  fetch?: typeof fetch;
  /** Extra headers for every request, e.g. `{ Authorization: "Bearer …" }` from a host's own session. */
  headers?: () => HeadersInit | undefined | Promise<HeadersInit | undefined>;
  /** For hosts on another origin: returns a bearer token; cached, and asked again shortly before it expires or after a 401. */
  getToken?: GetToken;
}

export interface FeedbackClient {
  submitFeedback(body: SubmitFeedbackInput): Promise<FeedbackResponse>;
  withdrawFeedback(messageId: string): Promise<void>;
  getMessageFeedback(messageId: string): Promise<FeedbackResponse | null>;
  listConversationFeedback(conversationId: string): Promise<FeedbackListResponse>;
  /** Any number of ids: more than one request's worth are split into parallel requests and merged. */
  listMessageFeedback(messageIds: readonly string[]): Promise<FeedbackListResponse>;
  getFeedbackConfig(): Promise<FeedbackConfig>;
}

interface RequestParts<Path extends string> {
  params?: Record<ParamNames<Path>, string>;
  query?: Record<string, string>;
  body?: unknown;
}

function fillPath<Path extends string>(path: Path, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ""));
}

export function createFeedbackClient(options: FeedbackClientOptions = {}): FeedbackClient {
  const baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
  const tokens = options.getToken ? createTokenCache(options.getToken) : null;
  // Looked up per call, so a fetch replaced later (test doubles, instrumentation) is the one used.
  const send: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function attempt(method: string, url: string, body: unknown): Promise<Response> {
    const headers = new Headers(await options.headers?.());
    headers.set("accept", "application/json");
    if (body !== undefined) headers.set("content-type", "application/json");
    if (tokens) headers.set("authorization", `Bearer ${await tokens.get()}`);
    return send(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  async function request<T, Path extends string>(route: { method: string; path: Path }, parts: RequestParts<Path> = {}): Promise<T> {
    const search = parts.query ? `?${new URLSearchParams(parts.query)}` : "";
    const url = `${baseUrl}${fillPath(route.path, parts.params)}${search}`;
    let response: Response;
    try {
      response = await attempt(route.method, url, parts.body);
      // A token the server no longer accepts (revoked, clock skew): one retry with a fresh one.
      if (response.status === 401 && tokens) {
        tokens.invalidate();
        response = await attempt(route.method, url, parts.body);
      }
    } catch (error) {
      throw new FeedbackApiError(0, { detail: error instanceof Error ? error.message : String(error) }, { cause: error });
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let data: unknown = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        if (response.ok) throw new FeedbackApiError(response.status, { detail: "The server's answer is not JSON", code: "invalid_response" });
      }
    }
    if (!response.ok) throw errorFromResponse(response.status, data);
    return data as T;
  }

  const listPage = (ids: readonly string[]) =>
    request<FeedbackListResponse, typeof ROUTES.list.path>(ROUTES.list, {
      query: { message_ids: ids.join(",") } satisfies QueryOf<typeof contracts.listFeedback>,
    });

  return {
    submitFeedback: (body) => request(ROUTES.submit, { body }),
    withdrawFeedback: (messageId) => request(ROUTES.withdraw, { params: { message_id: messageId } }),
    getMessageFeedback: (messageId) => request(ROUTES.message, { params: { message_id: messageId } }),
    listConversationFeedback: (conversationId) =>
      request(ROUTES.list, { query: { conversation_id: conversationId } satisfies QueryOf<typeof contracts.listFeedback> }),
    async listMessageFeedback(messageIds) {
      const ids = [...new Set(messageIds)];
      if (ids.length === 0) return { items: [] };
      const pages: string[][] = [];
      for (let start = 0; start < ids.length; start += MAX_IDS_PER_REQUEST) pages.push(ids.slice(start, start + MAX_IDS_PER_REQUEST));
      const lists = await Promise.all(pages.map(listPage));
      return { items: lists.flatMap((list) => list.items) };
    },
    getFeedbackConfig: () => request(ROUTES.config),
  };
}
