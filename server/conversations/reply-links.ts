/**
 * Gives each assistant message the id of the question it answers: the last user message before it
 * in the list, or `questionBefore` (the conversation's last question before the list) until one comes.
 * Other roles reply to nothing.
 */
export function linkReplies<T extends { id: string; role: string }>(
  messages: readonly T[],
  questionBefore: string | null = null,
): Array<T & { replyToId: string | null }> {
  let question = questionBefore;
  return messages.map((message) => {
    const replyToId = message.role === "assistant" ? question : null;
    if (message.role === "user") question = message.id;
    return { ...message, replyToId };
  });
}
