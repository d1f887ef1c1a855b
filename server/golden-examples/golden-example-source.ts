import "server-only";
import type { Queryable } from "@/server/db/client";

export interface ContextMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface GoldenExampleSource {
  originalQuery: string;
  originalResponse: string;
  /** The messages before the rated one, oldest first (at most CONTEXT_MESSAGE_LIMIT). */
  context: ContextMessage[];
}

/**
 * How much conversation a golden example keeps: enough turns for fine-tuning to see the context,
 * bounded so a very long chat does not make every example (and its export line) huge.
 */
export const CONTEXT_MESSAGE_LIMIT = 50;

/**
 * Reads what a golden example is made of: the rated assistant message, the user question that
 * prompted it and the conversation before it. Returns null when the message no longer exists.
 */
export async function loadGoldenExampleSource(db: Queryable, messageId: string): Promise<GoldenExampleSource | null> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: { content: true, position: true, conversationId: true },
  });
  if (!message) return null;
  const latestFirst = await db.message.findMany({
    where: { conversationId: message.conversationId, position: { lt: message.position } },
    orderBy: { position: "desc" },
    take: CONTEXT_MESSAGE_LIMIT,
    select: { role: true, content: true },
  });
  return toGoldenExampleSource(message.content, latestFirst);
}

/** The source from the rated answer and the (at most CONTEXT_MESSAGE_LIMIT) messages before it, latest first. */
export function toGoldenExampleSource(answer: string, latestFirst: ContextMessage[]): GoldenExampleSource {
  const earlier = latestFirst.toReversed();
  const lastQuestion = earlier.findLast((entry) => entry.role === "user");
  return {
    originalQuery: lastQuestion?.content ?? "",
    originalResponse: answer,
    context: earlier,
  };
}
