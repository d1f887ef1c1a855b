// The browser's typed client for the chat API: JSON reads and writes, and the answer stream read
// event by event. Types only come from the schemas and contracts (`import type`).
import type * as contracts from "./chat-endpoints";
import type { ChatConversationList, ChatStreamEvent, CreateChatConversationBody } from "./chat-schemas";
import type { ConversationResponse } from "./conversation-schemas";
import type { Endpoint } from "./endpoint";
import { errorFromResponse, FeedbackApiError } from "./feedback-api-error";
import { readEventData } from "./server-sent-events";

type Route<E extends Endpoint> = { method: E["method"]; path: E["path"] };

// The paths the client calls; TypeScript fails here when a contract's method or path changes.
const ROUTES = {
  list: { method: "GET", path: "/api/chat/conversations" },
  create: { method: "POST", path: "/api/chat/conversations" },
  get: { method: "GET", path: "/api/chat/conversations/{conversation_id}" },
  send: { method: "POST", path: "/api/chat/conversations/{conversation_id}/messages" },
  answer: { method: "POST", path: "/api/chat/conversations/{conversation_id}/answer" },
} as const satisfies {
  list: Route<typeof contracts.listChatConversations>;
  create: Route<typeof contracts.createChatConversation>;
  get: Route<typeof contracts.getChatConversation>;
  send: Route<typeof contracts.sendChatMessage>;
  answer: Route<typeof contracts.answerChatConversation>;
};

export interface AnswerStreamOptions {
  /** Aborting stops the answer; the server then stores nothing of it. */
  signal?: AbortSignal;
  onEvent: (event: ChatStreamEvent) => void;
}

export interface ChatClient {
  listConversations(before?: string): Promise<ChatConversationList>;
  createConversation(body?: CreateChatConversationBody): Promise<ConversationResponse>;
  getConversation(conversationId: string): Promise<ConversationResponse>;
  /** Sends the message and reads the answer stream to its last event (`assistant_message` or `error`). */
  sendMessage(conversationId: string, content: string, options: AnswerStreamOptions): Promise<void>;
  /** Streams a new answer to the conversation's unanswered last message. */
  answerAgain(conversationId: string, options: AnswerStreamOptions): Promise<void>;
}

const pathOf = (path: string, conversationId: string) => path.replace("{conversation_id}", encodeURIComponent(conversationId));

function networkError(error: unknown): FeedbackApiError {
  return new FeedbackApiError(0, { detail: error instanceof Error ? error.message : String(error) }, { cause: error });
}

export function createChatClient(options: { fetch?: typeof fetch } = {}): ChatClient {
  const send: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call(method: string, url: string, request: { body?: unknown; signal?: AbortSignal; accept?: string } = {}): Promise<Response> {
    const { body, signal, accept = "application/json" } = request;
    let response: Response;
    try {
      response = await send(url, {
        method,
        signal,
        headers: { accept, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw networkError(error);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => "");
      let data: unknown = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        // Not the API's error body: the status alone.
      }
      throw errorFromResponse(response.status, data);
    }
    return response;
  }

  async function json<T>(method: string, url: string, body?: unknown): Promise<T> {
    return (await (await call(method, url, { body })).json()) as T;
  }

  async function stream(url: string, body: unknown, { signal, onEvent }: AnswerStreamOptions): Promise<void> {
    const response = await call("POST", url, { body, signal, accept: "text/event-stream" });
    if (!response.body) throw new FeedbackApiError(response.status, { detail: "The server sent no answer stream", code: "invalid_response" });
    try {
      for await (const data of readEventData(response.body)) {
        const event = JSON.parse(data) as ChatStreamEvent;
        onEvent(event);
        if (event.type === "assistant_message" || event.type === "error") return;
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      throw networkError(error);
    }
    // The connection closed before the answer's last event: the server stored no answer.
    throw new FeedbackApiError(0, { detail: "The connection closed before the answer was complete" });
  }

  return {
    listConversations: (before) => json("GET", before ? `${ROUTES.list.path}?${new URLSearchParams({ before })}` : ROUTES.list.path),
    createConversation: (body = {}) => json("POST", ROUTES.create.path, body),
    getConversation: (conversationId) => json("GET", pathOf(ROUTES.get.path, conversationId)),
    sendMessage: (conversationId, content, streamOptions) => stream(pathOf(ROUTES.send.path, conversationId), { content }, streamOptions),
    answerAgain: (conversationId, streamOptions) => stream(pathOf(ROUTES.answer.path, conversationId), undefined, streamOptions),
  };
}
