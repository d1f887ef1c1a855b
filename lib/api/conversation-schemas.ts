// Schemas of the ingestion API a chat backend uses to register conversations and messages.
// Safe in the browser, like lib/api/schemas.ts.
import { z } from "zod";
import { idSchema, text } from "./schemas";

/** Longest message content accepted (characters). */
export const MAX_MESSAGE_CONTENT = 100_000;
/** Most messages in one request. */
export const MAX_MESSAGES_PER_REQUEST = 100;
export const MAX_TITLE_LENGTH = 500;
const MAX_EMAIL_LENGTH = 320;

// Deliberately loose: the lookup decides whether the user exists; this only rejects what cannot be an address.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** A user's email as a chat backend names them. */
export const userEmailSchema = () => text(MAX_EMAIL_LENGTH).regex(EMAIL_SHAPE, "must be an email address");

export const MessageRoleSchema = z.enum(["system", "user", "assistant"]).meta({ id: "MessageRole" });

export const IngestMessageSchema = z
  .object({
    role: MessageRoleSchema,
    content: text(MAX_MESSAGE_CONTENT).min(1, "must not be empty"),
    external_id: idSchema
      .nullish()
      .describe("The chat backend's id for the message, unique in the organization; makes retries idempotent"),
  })
  .meta({ id: "IngestMessage" });

/** Every external_id occurs once in a batch, so a batch cannot contradict itself. */
function uniqueExternalIds(messages: Array<{ external_id?: string | null }>, ctx: z.core.$RefinementCtx) {
  const seen = new Map<string, number>();
  messages.forEach((message, index) => {
    if (!message.external_id) return;
    const first = seen.get(message.external_id);
    if (first === undefined) seen.set(message.external_id, index);
    else ctx.addIssue({ code: "custom", path: [index, "external_id"], message: `repeats the external_id of message ${first}` });
  });
}

const messageBatch = () =>
  z.array(IngestMessageSchema).max(MAX_MESSAGES_PER_REQUEST, `must contain at most ${MAX_MESSAGES_PER_REQUEST} messages`);

export const CreateConversationBodySchema = z
  .object({
    user_email: userEmailSchema().describe("The end user who owns the conversation; must be a member of the key's organization"),
    external_id: idSchema
      .nullish()
      .describe("The chat backend's id for the conversation, unique in the organization; makes creation idempotent"),
    title: text(MAX_TITLE_LENGTH).nullish(),
    messages: messageBatch()
      .superRefine(uniqueExternalIds)
      .optional()
      .describe("Initial messages, stored in order at positions 0, 1, …"),
  })
  .meta({ id: "CreateConversationRequest" });

export const AppendMessagesBodySchema = z
  .object({
    messages: messageBatch()
      .min(1, "must contain at least one message")
      .superRefine(uniqueExternalIds)
      .describe("Appended in order after the conversation's last message"),
  })
  .meta({ id: "AppendMessagesRequest" });

export const ConversationMessageSchema = z
  .object({
    id: z.string(),
    external_id: z.string().nullable(),
    role: MessageRoleSchema,
    content: z.string(),
    position: z.number().int().describe("0-based order in the conversation"),
    created_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "ConversationMessage" });

export const ConversationResponseSchema = z
  .object({
    id: z.string(),
    external_id: z.string().nullable(),
    user_id: z.string(),
    title: z.string().nullable(),
    created_at: z.iso.datetime({ offset: true }),
    messages: z.array(ConversationMessageSchema).describe("Every message, in order"),
  })
  .meta({ id: "Conversation" });

export const ConversationMessageListSchema = z
  .object({ items: z.array(ConversationMessageSchema).describe("The request's messages in request order") })
  .meta({ id: "ConversationMessageList" });

export type MessageRole = z.infer<typeof MessageRoleSchema>;
export type IngestMessage = z.infer<typeof IngestMessageSchema>;
export type CreateConversationBody = z.infer<typeof CreateConversationBodySchema>;
export type AppendMessagesBody = z.infer<typeof AppendMessagesBodySchema>;
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;
export type ConversationResponse = z.infer<typeof ConversationResponseSchema>;
