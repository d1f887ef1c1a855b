import "server-only";
import type { Queryable } from "@/server/db/database";

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
 * What a golden example is made of: the rated assistant message, the user question that prompted
 * it and the conversation before it. Null when the message no longer exists.
 */
export async function loadGoldenExampleSource(db: Queryable, messageId: string): Promise<GoldenExampleSource | null> {
  const message = await db.selectFrom("Message").select(["content", "position", "conversationId"]).where("id", "=", messageId).executeTakeFirst();
  if (!message) return null;
  const latestFirst = await db
    .selectFrom("Message")
    .select(["role", "content"])
    .where("conversationId", "=", message.conversationId)
    .where("position", "<", message.position)
    .orderBy("position", "desc")
    .limit(CONTEXT_MESSAGE_LIMIT)
    .execute();
  const earlier = latestFirst.toReversed();
  return {
    originalQuery: earlier.findLast((entry) => entry.role === "user")?.content ?? "",
    originalResponse: message.content,
    context: earlier,
  };
}
