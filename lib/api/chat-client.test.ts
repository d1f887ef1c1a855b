import { describe, expect, it } from "vitest";
import { failureOf } from "@/test/failure-of";
import type { ChatStreamEvent } from "./chat-schemas";
import { createChatClient } from "./chat-client";
import { FeedbackApiError } from "./feedback-api-error";
import { formatEvent } from "./server-sent-events";

const message = { id: "m1", external_id: null, role: "user" as const, content: "Hi", position: 0, created_at: "2026-12-01T10:00:00.000Z" };

function streamResponse(...events: unknown[]): Response {
  return new Response(events.map(formatEvent).join(""), { status: 200, headers: { "content-type": "text/event-stream" } });
}

function clientAnswering(response: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const client = createChatClient({
    fetch: async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      return response();
    },
  });
  return { client, calls };
}


describe("the chat client", () => {
  it("posts the message and hands over every event up to the last one", async () => {
    const answer = { ...message, id: "m2", role: "assistant" as const, content: "Hello!", position: 1 };
    const { client, calls } = clientAnswering(() =>
      streamResponse({ type: "user_message", message }, { type: "delta", text: "Hello" }, { type: "delta", text: "!" }, { type: "assistant_message", message: answer }),
    );
    const events: ChatStreamEvent[] = [];
    await client.sendMessage("c/1", "Hi", { onEvent: (event) => events.push(event) });
    expect(events.map((event) => event.type)).toEqual(["user_message", "delta", "delta", "assistant_message"]);
    expect(calls[0]!.url).toBe("/api/chat/conversations/c%2F1/messages");
    expect(calls[0]!.init).toMatchObject({ method: "POST", body: '{"content":"Hi"}', headers: { accept: "text/event-stream", "content-type": "application/json" } });
  });

  it("asks for a new answer without a body", async () => {
    const { client, calls } = clientAnswering(() => streamResponse({ type: "error", code: "responder_failed", detail: "down", retryable: true }));
    const events: ChatStreamEvent[] = [];
    await client.answerAgain("c1", { onEvent: (event) => events.push(event) });
    expect(events).toEqual([{ type: "error", code: "responder_failed", detail: "down", retryable: true }]);
    expect(calls[0]!.url).toBe("/api/chat/conversations/c1/answer");
    expect(calls[0]!.init.body).toBeUndefined();
  });

  it("fails when the stream ends before its last event", async () => {
    const { client } = clientAnswering(() => streamResponse({ type: "user_message", message }, { type: "delta", text: "Hel" }));
    const error = await failureOf(client.sendMessage("c1", "Hi", { onEvent: () => {} }), FeedbackApiError);
    expect({ status: error.status, code: error.code, detail: error.detail }).toEqual({
      status: 0,
      code: "network_error",
      detail: "The connection closed before the answer was complete",
    });
  });

  it("turns an error answer into the API's typed error, and a failed request into a network error", async () => {
    const { client } = clientAnswering(() => Response.json({ detail: "Conversation not found", code: "not_found" }, { status: 404 }));
    const notFound = await failureOf(client.sendMessage("c1", "Hi", { onEvent: () => {} }), FeedbackApiError);
    expect({ status: notFound.status, code: notFound.code, detail: notFound.detail }).toEqual({ status: 404, code: "not_found", detail: "Conversation not found" });

    const offline = createChatClient({
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const network = await failureOf(offline.listConversations(), FeedbackApiError);
    expect({ status: network.status, code: network.code, retryable: network.retryable }).toEqual({ status: 0, code: "network_error", retryable: true });
  });

  it("lets an abort through as it is", async () => {
    const controller = new AbortController();
    const reason = new Error("stopped");
    const client = createChatClient({
      fetch: async () => {
        controller.abort(reason);
        throw reason;
      },
    });
    await expect(client.sendMessage("c1", "Hi", { signal: controller.signal, onEvent: () => {} })).rejects.toBe(reason);
  });

  it("reads the list page by page", async () => {
    const { client, calls } = clientAnswering(() => Response.json({ items: [], next_cursor: null }));
    await client.listConversations();
    await client.listConversations("abc=");
    expect(calls.map((call) => call.url)).toEqual(["/api/chat/conversations", "/api/chat/conversations?before=abc%3D"]);
  });
});
