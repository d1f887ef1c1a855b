// What a conversation is called in the chat: its title, or for one without (a chat backend may
// register conversations untitled, and a chat started in the demo has none) its first question.
// Safe in the browser: the server's list and the client's new chat name conversations alike.

export const TITLE_FROM_QUESTION_LENGTH = 80;
export const UNTITLED_CONVERSATION = "New conversation";

/** Cuts text at a word boundary to at most `max` characters, ending with "…" when it was cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export function conversationTitle(title: string | null | undefined, firstQuestion: string | null | undefined): string {
  if (title?.trim()) return title.trim();
  if (firstQuestion?.trim()) return shorten(firstQuestion, TITLE_FROM_QUESTION_LENGTH);
  return UNTITLED_CONVERSATION;
}
