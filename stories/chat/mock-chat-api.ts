// An in-memory chat API for stories, served by MSW: conversations, the answer stream as
// server-sent events, and the failures a real responder can end in.
import { delay, http, HttpResponse } from "msw";
import type { ChatConversationList, ChatStreamEvent } from "@/lib/api/chat-schemas";
import type { ConversationMessage, ConversationResponse } from "@/lib/api/conversation-schemas";
import { formatEvent } from "@/lib/api/server-sent-events";

export const STORY_USER = "user-story";

export interface MockChatApiOptions {
  conversations?: ConversationResponse[];
  /** The answer every question gets, streamed word by word. */
  answer?: string;
  /** Pause before each word. */
  wordDelayMs?: number;
  /** The first answers end with this error event instead (one per entry). */
  failAnswers?: Array<Extract<ChatStreamEvent, { type: "error" }>>;
  /** After this many words the stream waits forever (until the client stops it). */
  holdAfterWords?: number;
  /** Sending fails before anything is stored: a network error. */
  sendFails?: boolean;
  /** Reads of a conversation fail with 500 this many times first. */
  failReads?: number;
  /** List pages of this size (the list endpoint pages by cursor). */
  pageSize?: number;
  /** The list answers only after this long ("infinite": never). */
  listLatency?: number | "infinite";
  /** The list fails with 500 this many times first. */
  failLists?: number;
}

export const STORY_ANSWER = "Open Settings → Members and choose \"Invite\". Enter their work email and pick a role; the invitation is valid for 7 days.";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();

export function storyMessage(conversationId: string, position: number, role: ConversationMessage["role"], content: string): ConversationMessage {
  return { id: `${conversationId}-m${position}`, external_id: null, role, content, position, created_at: at(position) };
}

export function storyConversation(id: string, title: string | null, turns: Array<[string, string?]>, userId = STORY_USER): ConversationResponse {
  const messages = turns.flatMap(([question, answer], index) => [
    storyMessage(id, index * 2, "user", question),
    ...(answer === undefined ? [] : [storyMessage(id, index * 2 + 1, "assistant", answer)]),
  ]);
  return { id, external_id: null, user_id: userId, title, created_at: at(0), messages };
}

export function mockChatApi(options: MockChatApiOptions = {}) {
  const conversations = new Map<string, ConversationResponse>();
  let failures: MockChatApiOptions["failAnswers"] = [];
  let readFailures = 0;
  let listFailures = 0;
  let created = 0;
  const requests: string[] = [];

  function reset() {
    conversations.clear();
    for (const conversation of options.conversations ?? []) conversations.set(conversation.id, structuredClone(conversation));
    failures = [...(options.failAnswers ?? [])];
    readFailures = options.failReads ?? 0;
    listFailures = options.failLists ?? 0;
    created = 0;
    requests.length = 0;
  }
  reset();

  function append(conversation: ConversationResponse, role: "user" | "assistant", content: string): ConversationMessage {
    const message = storyMessage(conversation.id, conversation.messages.length, role, content);
    conversation.messages.push(message);
    return message;
  }

  function answerStream(conversation: ConversationResponse, first: ChatStreamEvent[]): Response {
    const words = (options.answer ?? STORY_ANSWER).match(/\S+\s*/g) ?? [];
    const failure = failures?.shift();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (event: ChatStreamEvent) => controller.enqueue(new TextEncoder().encode(formatEvent(event)));
        first.forEach(send);
        for (const [index, word] of words.entries()) {
          if (failure && index === 3) {
            send(failure);
            return controller.close();
          }
          if (options.holdAfterWords !== undefined && index === options.holdAfterWords) return;
          await delay(options.wordDelayMs ?? 15);
          send({ type: "delta", text: word });
        }
        send({ type: "assistant_message", message: append(conversation, "assistant", words.join("")) });
        controller.close();
      },
    });
    return new HttpResponse(body, { headers: { "content-type": "text/event-stream" } });
  }

  const notFound = () => HttpResponse.json({ detail: "Conversation not found", code: "not_found" }, { status: 404 });

  const handlers = [
    http.get("*/api/chat/conversations", async ({ request }) => {
      requests.push("GET /api/chat/conversations");
      if (options.listLatency === "infinite") await delay("infinite");
      await delay(options.listLatency ?? 30);
      if (listFailures > 0) {
        listFailures--;
        return HttpResponse.json({ detail: "Internal server error", code: "internal_error" }, { status: 500 });
      }
      const all = [...conversations.values()];
      const start = Number(new URL(request.url).searchParams.get("before") ?? 0);
      const size = options.pageSize ?? 50;
      const page: ChatConversationList = {
        items: all.slice(start, start + size).map((conversation) => {
          const last = conversation.messages.at(-1);
          return {
            id: conversation.id,
            external_id: null,
            title: conversation.title ?? conversation.messages[0]?.content ?? "New conversation",
            message_count: conversation.messages.length,
            last_message: last ? { role: last.role, preview: last.content.slice(0, 160), created_at: last.created_at } : null,
            created_at: conversation.created_at,
            updated_at: last?.created_at ?? conversation.created_at,
          };
        }),
        next_cursor: start + size < all.length ? String(start + size) : null,
      };
      return HttpResponse.json(page);
    }),
    http.post("*/api/chat/conversations", async () => {
      requests.push("POST /api/chat/conversations");
      const conversation: ConversationResponse = { id: `c-new-${++created}`, external_id: null, user_id: STORY_USER, title: null, created_at: at(30), messages: [] };
      conversations.set(conversation.id, conversation);
      return HttpResponse.json(conversation, { status: 201 });
    }),
    http.get("*/api/chat/conversations/:id", async ({ params }) => {
      requests.push(`GET /api/chat/conversations/${String(params.id)}`);
      await delay(30);
      if (readFailures > 0) {
        readFailures--;
        return HttpResponse.json({ detail: "Internal server error", code: "internal_error" }, { status: 500 });
      }
      const conversation = conversations.get(String(params.id));
      return conversation ? HttpResponse.json(conversation) : notFound();
    }),
    http.post("*/api/chat/conversations/:id/messages", async ({ params, request }) => {
      requests.push(`POST /api/chat/conversations/${String(params.id)}/messages`);
      if (options.sendFails) return HttpResponse.error();
      const conversation = conversations.get(String(params.id));
      if (!conversation) return notFound();
      const { content } = (await request.json()) as { content: string };
      return answerStream(conversation, [{ type: "user_message", message: append(conversation, "user", content.trim()) }]);
    }),
    http.post("*/api/chat/conversations/:id/answer", async ({ params }) => {
      requests.push(`POST /api/chat/conversations/${String(params.id)}/answer`);
      const conversation = conversations.get(String(params.id));
      if (!conversation) return notFound();
      if (conversation.messages.at(-1)?.role !== "user") {
        return HttpResponse.json({ detail: "The conversation does not end with a message to answer", code: "nothing_to_answer" }, { status: 409 });
      }
      return answerStream(conversation, []);
    }),
  ];

  return { handlers, reset, requests, stored: (id: string) => conversations.get(id) };
}

export type MockChatApi = ReturnType<typeof mockChatApi>;
