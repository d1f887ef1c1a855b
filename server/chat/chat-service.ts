import "server-only";
import type { ChatStreamEvent } from "@/lib/api/chat-schemas";
import { MAX_MESSAGE_CONTENT } from "@/lib/api/conversation-schemas";
import type { UserActor } from "@/server/auth/actor";
import type { Db } from "@/server/db/database";
import { toMessageResponse } from "@/server/conversations/conversation-response";
import { findRecentMessages, type StoredMessage } from "@/server/conversations/conversation-repository";
import { appendMessages, assertMayWrite, getConversation } from "@/server/conversations/conversation-service";
import { conflict, DomainError } from "@/server/errors";
import { getResponder, ResponderError, type Responder } from "@/server/responder";

export interface ChatServiceContext {
  db: Db;
  actor: UserActor;
  /** The environment's responder unless a test passes one. */
  responder?: Responder;
  now?: () => Date;
}

/** The answer's events, started once the reader is there; `signal` says when the reader left. */
export type AnswerStream = (signal: AbortSignal) => AsyncGenerator<ChatStreamEvent>;

/** How much of the conversation the responder reads: the newest messages, up to the question. */
export const ANSWER_CONTEXT_MESSAGES = 50;

function errorEvent(ctx: ChatServiceContext, conversationId: string, error: unknown): ChatStreamEvent {
  const where = { conversationId, responder: (ctx.responder ?? getResponder()).name };
  if (error instanceof ResponderError) {
    console.error("[chat] the responder failed", { ...where, kind: error.kind, status: error.details.status, upstreamDetail: error.details.upstreamDetail });
    return { type: "error", code: "responder_failed", detail: error.message, retryable: error.kind !== "misconfigured" };
  }
  if (error instanceof DomainError && error.code === "conversation_changed") {
    return { type: "error", code: "conversation_changed", detail: "Another message arrived while the answer was written, so it was not saved", retryable: false };
  }
  console.error("[chat] the answer could not be saved", where, error);
  return { type: "error", code: "answer_not_saved", detail: "The answer could not be saved", retryable: true };
}

/**
 * Streams the responder's answer to `question` (the conversation's last message) and stores it when
 * it is complete, in one write that succeeds only if the question is still the last message. So no
 * partial answer is ever stored, seen by a reviewer or rated; the final event carries the stored
 * message's id, and the kit can rate it from that moment. A reader that leaves stops the answer.
 */
async function* answer(ctx: ChatServiceContext, conversationId: string, question: StoredMessage, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
  const responder = ctx.responder ?? getResponder();
  let text = "";
  try {
    const history = await findRecentMessages(ctx.db, conversationId, ANSWER_CONTEXT_MESSAGES);
    for await (const chunk of responder.streamAnswer(
      history.map(({ role, content }) => ({ role, content })),
      { signal },
    )) {
      const room = MAX_MESSAGE_CONTENT - text.length;
      const piece = chunk.slice(0, room);
      text += piece;
      if (piece) yield { type: "delta", text: piece };
      // Longer than a message may be: keep what fits.
      if (room <= chunk.length) break;
    }
    if (!text.trim()) throw new ResponderError("invalid_response", "The assistant sent an empty answer");
    const { messages } = await appendMessages(ctx, conversationId, [{ role: "assistant", content: text }], { after: question.id });
    yield { type: "assistant_message", message: toMessageResponse(messages[0]!) };
  } catch (error) {
    // The reader left (stopped or closed the page): nothing is stored and nobody is listening.
    if (signal.aborted) return;
    yield errorEvent(ctx, conversationId, error);
  }
}

/**
 * Stores the user's message in their conversation (the one conversation service, as ingestion
 * does) and returns the stream of its answer. Input and access errors are thrown before anything
 * streams, so they are ordinary HTTP errors; everything after ends in the stream's last event.
 */
export async function sendChatMessage(ctx: ChatServiceContext, conversationId: string, content: string): Promise<AnswerStream> {
  const { messages } = await appendMessages(ctx, conversationId, [{ role: "user", content }]);
  const question = messages[0]!;
  return async function* (signal) {
    yield { type: "user_message", message: toMessageResponse(question) };
    yield* answer(ctx, conversationId, question, signal);
  };
}

/** Answers the conversation's last message again: after a failed or stopped answer. */
export async function answerAgain(ctx: ChatServiceContext, conversationId: string): Promise<AnswerStream> {
  const conversation = await getConversation(ctx, conversationId);
  assertMayWrite(ctx.actor, conversation.userId);
  const question = conversation.messages.at(-1);
  if (question?.role !== "user") throw conflict("The conversation does not end with a message to answer", "nothing_to_answer");
  return (signal) => answer(ctx, conversationId, question, signal);
}
