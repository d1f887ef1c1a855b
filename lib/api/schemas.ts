// The API's schemas: the single source for request validation, TypeScript types and the OpenAPI
// document. Safe in the browser (the kit's API client shares them).
import { z } from "zod";
import { ReasonOptionsSchema } from "@/lib/feedback/reason-options";

const NUL = /\u0000/;

/** Text the databases can store: PostgreSQL rejects NUL characters in text columns. */
export const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !NUL.test(value), "must not contain NUL characters");

export const idSchema = text(128).min(1, "must not be empty");

export const FeedbackTypeSchema = z.enum(["positive", "negative"]).meta({ id: "FeedbackType" });
export const FeedbackStatusSchema = z
  .enum(["pending", "auto_approved", "reviewed", "dismissed"])
  .meta({ id: "FeedbackStatus" });

/** Hard ceiling on any reason; each organization sets its own lower limit. */
export const REASON_HARD_LIMIT = 10_000;

export const SubmitFeedbackBodySchema = z
  .object({
    message_id: idSchema.describe("The assistant message being rated"),
    feedback_type: FeedbackTypeSchema,
    reason: text(REASON_HARD_LIMIT).nullish().describe("Free-text reason; limited by the organization's max_reason_length"),
    reason_keys: z
      .array(text(64))
      .max(20)
      .optional()
      .describe("Keys of the organization's predefined reason options for this feedback type"),
  })
  .meta({ id: "SubmitFeedbackRequest" });

export const FeedbackResponseSchema = z
  .object({
    id: z.string(),
    message_id: z.string(),
    user_id: z.string(),
    feedback_type: FeedbackTypeSchema,
    reason: z.string().nullable(),
    reason_keys: z.array(z.string()),
    status: FeedbackStatusSchema,
    reviewed_by: z.string().nullable(),
    reviewed_at: z.iso.datetime({ offset: true }).nullable(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "FeedbackResponse" });

export const MessageIdParamsSchema = z.object({ message_id: idSchema });
export const ConversationIdParamsSchema = z.object({ conversation_id: idSchema });

export const MAX_LISTED_MESSAGE_IDS = 500;

const messageIdListSchema = z
  .string()
  .transform((value) => [...new Set(value.split(",").map((id) => id.trim()).filter(Boolean))])
  .pipe(z.array(idSchema).min(1, "must name at least one message id").max(MAX_LISTED_MESSAGE_IDS));

/**
 * Which of the caller's votes a list read returns: a whole conversation's, or those on listed
 * messages. The query's parsed form, declared as a schema so the OpenAPI generator (which converts
 * every schema both ways) can describe the transform's output.
 */
const FeedbackListFilterSchema = z.union([z.object({ conversation_id: z.string() }), z.object({ message_ids: z.array(z.string()) })]);
type FeedbackListFilter = z.output<typeof FeedbackListFilterSchema>;

export const FeedbackListQuerySchema = z
  .object({
    conversation_id: idSchema.optional().describe("Every message of this conversation"),
    message_ids: messageIdListSchema
      .optional()
      .describe(`A comma-separated list of message ids (at most ${MAX_LISTED_MESSAGE_IDS}); unknown and invisible ones are ignored`),
  })
  .transform((query, context): FeedbackListFilter => {
    if (query.conversation_id !== undefined && query.message_ids === undefined) return { conversation_id: query.conversation_id };
    if (query.message_ids !== undefined && query.conversation_id === undefined) return { message_ids: query.message_ids };
    context.issues.push({ code: "custom", input: query, message: "pass exactly one of conversation_id and message_ids" });
    return z.NEVER;
  })
  .pipe(FeedbackListFilterSchema)
  .meta({ id: "FeedbackListQuery" });

export const FeedbackListResponseSchema = z
  .object({ items: z.array(FeedbackResponseSchema).describe("The caller's feedback, in no particular order (match items by message_id); unrated messages are absent") })
  .meta({ id: "FeedbackList" });

export const FeedbackConfigSchema = z
  .object({
    feedback_enabled: z.boolean().describe("false when the organization turned feedback off: hide the buttons"),
    reason_required: z
      .object({ positive: z.boolean(), negative: z.boolean() })
      .describe("Per feedback type: a vote of that type is refused without a reason option or a note"),
    reason_options: ReasonOptionsSchema.describe("The predefined reasons per feedback type; send their keys as reason_keys"),
    max_reason_length: z.number().int().positive().describe("Longest accepted note, in characters"),
  })
  .meta({ id: "FeedbackConfig" });

export type FeedbackType = z.infer<typeof FeedbackTypeSchema>;
export type FeedbackStatus = z.infer<typeof FeedbackStatusSchema>;
export type SubmitFeedbackBody = z.infer<typeof SubmitFeedbackBodySchema>;
export type FeedbackResponse = z.infer<typeof FeedbackResponseSchema>;
export type FeedbackListResponse = z.infer<typeof FeedbackListResponseSchema>;
export type FeedbackConfig = z.infer<typeof FeedbackConfigSchema>;
