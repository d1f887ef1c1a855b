// The chat API's limits, without zod: the schemas in lib/api/chat-schemas.ts validate with them,
// and the chat's browser code reads them without pulling the schema library into its bundle.

/** Longest message a user can send in the chat (characters). */
export const MAX_CHAT_MESSAGE_LENGTH = 8_000;
/** Conversations per page of the list, by default and at most. */
export const DEFAULT_CONVERSATION_PAGE = 50;
export const MAX_CONVERSATION_PAGE = 100;
/** Characters of the last message the list shows. */
export const PREVIEW_LENGTH = 160;
