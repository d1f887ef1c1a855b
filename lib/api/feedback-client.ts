// The browser's typed client for the feedback API (also usable on a server). Types only come from
// the zod schemas and endpoint contracts (`import type`), so zod never reaches the browser bundle.
import type { z } from "zod";
import type { Endpoint } from "./endpoint";
import type * as contracts from "./feedback-endpoints";
import { createJsonRequest, type BodyOf, type JsonRequestOptions, type RouteOf as Route } from "./json-request";
import type { FeedbackConfig, FeedbackListResponse, FeedbackResponse, MAX_LISTED_MESSAGE_IDS } from "./schemas";

type QueryOf<E extends Endpoint> = E extends Endpoint<z.ZodType, infer Query> ? z.input<Query> : never;

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

export type FeedbackClientOptions = JsonRequestOptions;

export interface FeedbackClient {
  submitFeedback(body: SubmitFeedbackInput): Promise<FeedbackResponse>;
  withdrawFeedback(messageId: string): Promise<void>;
  getMessageFeedback(messageId: string): Promise<FeedbackResponse | null>;
  listConversationFeedback(conversationId: string): Promise<FeedbackListResponse>;
  /** Any number of ids: more than one request's worth are split into parallel requests and merged. */
  listMessageFeedback(messageIds: readonly string[]): Promise<FeedbackListResponse>;
  getFeedbackConfig(): Promise<FeedbackConfig>;
}

export function createFeedbackClient(options: FeedbackClientOptions = {}): FeedbackClient {
  const request = createJsonRequest(options);

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
