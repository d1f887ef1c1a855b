// Schemas of the chat API: the signed-in user's own conversations, as the chat demo (or any chat
// client with a user's session or token) reads and writes them. Safe in the browser.
import { z } from "zod";
import { DEFAULT_CONVERSATION_PAGE, MAX_CHAT_MESSAGE_LENGTH, MAX_CONVERSATION_PAGE, PREVIEW_LENGTH } from "@/lib/chat/chat-limits";
import { ConversationMessageSchema, MAX_TITLE_LENGTH, MessageRoleSchema } from "./conversation-schemas";
import { text } from "./schemas";

export const ChatConversationListQuerySchema = z
  .object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_CONVERSATION_PAGE)
      .default(DEFAULT_CONVERSATION_PAGE)
      .describe(`Conversations per page (1–${MAX_CONVERSATION_PAGE})`),
    before: text(200).min(1).optional().describe("The `next_cursor` of the previous page"),
  })
  .meta({ id: "ChatConversationListQuery" });

export const ChatConversationSummarySchema = z
  .object({
    id: z.string(),
    external_id: z.string().nullable().describe("Set when a chat backend registered the conversation through the ingestion API"),
    title: z.string().describe("The conversation's title, or for an untitled one its first question, shortened"),
    message_count: z.number().int(),
    last_message: z
      .object({
        role: MessageRoleSchema,
        preview: z.string().describe(`The message's first ${PREVIEW_LENGTH} characters`),
        created_at: z.iso.datetime({ offset: true }),
      })
      .nullable()
      .describe("null for a conversation without messages"),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }).describe("Last activity: creation or the newest message"),
  })
  .meta({ id: "ChatConversationSummary" });

export const ChatConversationListSchema = z
  .object({
    items: z.array(ChatConversationSummarySchema).describe("The caller's conversations, newest activity first"),
    next_cursor: z.string().nullable().describe("Pass as `before` for the next page; null on the last page"),
  })
  .meta({ id: "ChatConversationList" });

export const CreateChatConversationBodySchema = z
  .object({ title: text(MAX_TITLE_LENGTH).trim().nullish().describe("Leave it out to name the conversation after its first question") })
  .meta({ id: "CreateChatConversationRequest" });

export const SendChatMessageBodySchema = z
  .object({
    content: text(MAX_CHAT_MESSAGE_LENGTH)
      .trim()
      .min(1, "must not be empty")
      .describe("The user's message; the assistant's answer is streamed back"),
  })
  .meta({ id: "SendChatMessageRequest" });

/** Why an answer stream ended without an answer. */
export const ChatStreamErrorCodeSchema = z
  .enum(["responder_failed", "conversation_changed", "answer_not_saved"])
  .describe(
    "`responder_failed`: the assistant could not write an answer (retry with the answer endpoint); " +
      "`conversation_changed`: another message arrived while the answer was written, so it was not stored (reload the conversation); " +
      "`answer_not_saved`: the answer could not be stored (retry)",
  )
  .meta({ id: "ChatStreamErrorCode" });

export const ChatStreamEventSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("user_message"), message: ConversationMessageSchema }).describe("The sent message, stored, with its server id (first event of a send)"),
    z.object({ type: z.literal("delta"), text: z.string() }).describe("The next piece of the answer"),
    z
      .object({ type: z.literal("assistant_message"), message: ConversationMessageSchema })
      .describe("The whole answer, stored, with its server id: it can be rated from now on (last event)"),
    z
      .object({ type: z.literal("error"), code: ChatStreamErrorCodeSchema, detail: z.string(), retryable: z.boolean() })
      .describe("The answer failed; nothing of it was stored (last event)"),
  ])
  .meta({ id: "ChatStreamEvent" });

export type ChatConversationListQuery = z.infer<typeof ChatConversationListQuerySchema>;
export type ChatConversationSummary = z.infer<typeof ChatConversationSummarySchema>;
export type ChatConversationList = z.infer<typeof ChatConversationListSchema>;
export type CreateChatConversationBody = z.infer<typeof CreateChatConversationBodySchema>;
export type SendChatMessageBody = z.infer<typeof SendChatMessageBodySchema>;
export type ChatStreamErrorCode = z.infer<typeof ChatStreamErrorCodeSchema>;
export type ChatStreamEvent = z.infer<typeof ChatStreamEventSchema>;
