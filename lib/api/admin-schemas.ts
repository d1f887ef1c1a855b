// Schemas of the review API (the queue, review actions, settings, stats, audit log) and of golden
// examples: SPEC.md §2–4 and issue #10. Safe in the browser, like lib/api/schemas.ts.
import { z } from "zod";
import { ReasonOptionsSchema } from "@/lib/feedback/reason-options";
import { AllowedOriginsSchema } from "./allowed-origins";
import { MessageRoleSchema } from "./conversation-schemas";
import { FeedbackResponseSchema, FeedbackStatusSchema, FeedbackTypeSchema, idSchema, REASON_HARD_LIMIT, text } from "./schemas";

/** Longest golden response or question accepted (characters): an assistant answer can be long. */
export const MAX_GOLDEN_TEXT = 100_000;
export const MAX_BULK_IDS = 100;
export const MAX_PAGE_SIZE = 100;

/** The instants both databases store: PostgreSQL has no year 0, and an ISO string past 9999 needs a sign it does not read. */
export const EARLIEST_STORED_TIME = Date.parse("0001-01-01T00:00:00.000Z");
export const LATEST_STORED_TIME = Date.parse("9999-12-31T23:59:59.999Z");

const isoDateOrDateTime = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: "must be a date (YYYY-MM-DD) or an ISO-8601 date-time",
    abort: true,
  })
  .refine((value) => Date.parse(value) >= EARLIEST_STORED_TIME && Date.parse(value) <= LATEST_STORED_TIME, { message: "must be between the years 1 and 9999" });

/** Paging shared by every list of the review API: `limit` 1–100 (default 20) and `offset` ≥ 0. */
export const pagingShape = {
  limit: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(20)
    .describe(`Page size, 1–${MAX_PAGE_SIZE}`),
  offset: z.coerce.number({ message: "must be a whole number" }).int("must be a whole number").min(0, "must be at least 0").default(0).describe("Items to skip"),
};

const searchSchema = text(200).describe("Case-insensitive text to look for");

/** `from`/`to` bound the creation date, both inclusive; a date alone means that whole day (UTC). */
export const dateRangeShape = {
  from: isoDateOrDateTime.optional().describe("Created on or after: a date (its start, UTC) or a date-time"),
  to: isoDateOrDateTime.optional().describe("Created on or before: a date (its whole day, UTC) or a date-time"),
};

export const FeedbackQueueQuerySchema = z
  .object({
    ...pagingShape,
    status: FeedbackStatusSchema.optional(),
    type: FeedbackTypeSchema.optional(),
    search: searchSchema.optional().describe("Case-insensitive text in the question, the answer or the user's reason"),
    ...dateRangeShape,
  })
  .meta({ id: "FeedbackQueueQuery" });

export const AdminFeedbackItemSchema = FeedbackResponseSchema.extend({
  user_email: z.string().describe("Who voted"),
  reviewer_email: z.string().nullable().describe("Who resolved or dismissed it"),
  original_query: z.string().describe("The last user message before the rated answer (empty when there is none)"),
  original_response: z.string().describe("The rated assistant message"),
  chat_id: z.string().describe("The conversation's id"),
  has_golden_example: z.boolean().describe("An active golden example was made from this feedback"),
  golden_example_id: z.string().nullable(),
  golden_response: z.string().nullable(),
  dismissal_reason: z.string().nullable().describe("The reviewer's reason for dismissing it (the user's own reason stays in `reason`)"),
}).meta({ id: "AdminFeedbackItem" });

export const ContextMessageSchema = z
  .object({ role: MessageRoleSchema, content: z.string() })
  .meta({ id: "ContextMessage" });

export const AdminFeedbackDetailSchema = AdminFeedbackItemSchema.extend({
  context: z.array(ContextMessageSchema).describe("The conversation before the rated answer, oldest first"),
}).meta({ id: "AdminFeedbackDetail" });

export const GeneratedResponseSchema = z
  .object({
    generated_response: z.string().nullable().describe("The drafted corrected answer; null when the responder failed"),
    generation_time_ms: z.number().int().nonnegative().describe("How long the responder took"),
    success: z.boolean(),
    error: z.string().optional().describe("Why the responder failed, in words fit for the reviewer (only when success is false)"),
  })
  .meta({ id: "GeneratedResponse" });

export const FeedbackQueueSchema = z
  .object({
    items: z.array(AdminFeedbackItemSchema).describe("Newest first; ties broken by id"),
    total: z.number().int().describe("Items matching the filters, on every page"),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "FeedbackQueue" });

export const FeedbackIdParamsSchema = z.object({ id: idSchema.describe("The feedback's id") });

/**
 * Every review action may say what the reviewer saw: when the item changed since then (another
 * reviewer acted, or the user changed the vote), the action is refused with a 409.
 */
const expectedUpdatedAt = z.iso
  .datetime({ offset: true })
  .optional()
  .describe("The item's `updated_at` as the reviewer loaded it; the action is refused (409) when the item changed since");

export const ResolveFeedbackBodySchema = z
  .object({
    golden_response: text(MAX_GOLDEN_TEXT)
      .optional()
      .describe("The corrected answer: required for negative feedback; for positive feedback an optional edit of the original answer"),
    expected_updated_at: expectedUpdatedAt,
  })
  .meta({ id: "ResolveFeedbackRequest" });

export const DismissFeedbackBodySchema = z
  .object({
    reason: text(REASON_HARD_LIMIT).nullish().describe("Why it is not used"),
    expected_updated_at: expectedUpdatedAt,
  })
  .meta({ id: "DismissFeedbackRequest" });

export const RestoreFeedbackBodySchema = z.object({ expected_updated_at: expectedUpdatedAt }).meta({ id: "RestoreFeedbackRequest" });

export const DeleteFeedbackQuerySchema = z.object({ expected_updated_at: expectedUpdatedAt });

export const BulkActionSchema = z.enum(["resolve", "dismiss", "restore"]).meta({ id: "BulkAction" });

export const BulkReviewBodySchema = z
  .object({
    action: BulkActionSchema.describe("resolve (positive feedback only, without an edit), dismiss or restore"),
    ids: z
      .array(idSchema)
      .min(1, "must name at least one feedback id")
      .max(MAX_BULK_IDS, `must name at most ${MAX_BULK_IDS} ids`)
      .refine((ids) => new Set(ids).size === ids.length, "must not repeat an id"),
    reason: text(REASON_HARD_LIMIT).nullish().describe("The dismissal reason, for dismiss"),
  })
  .meta({ id: "BulkReviewRequest" });

export const BulkReviewResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        ok: z.boolean(),
        item: AdminFeedbackItemSchema.optional().describe("The updated item, when ok"),
        error: z.object({ code: z.string(), detail: z.string() }).optional().describe("Why this item was not changed"),
      }),
    ),
    succeeded: z.number().int(),
    failed: z.number().int(),
  })
  .meta({ id: "BulkReviewResult" });

export const FeedbackStatsSchema = z
  .object({
    total_feedback: z.number().int(),
    positive_count: z.number().int(),
    negative_count: z.number().int(),
    pending_count: z.number().int(),
    auto_approved_count: z.number().int(),
    reviewed_count: z.number().int(),
    dismissed_count: z.number().int(),
    golden_examples_count: z.number().int().describe("Active golden examples"),
  })
  .meta({ id: "FeedbackStats" });

export const DailyStatsQuerySchema = z
  .object({
    from: isoDateOrDateTime.optional().describe("First day (UTC); 29 days before `to` when absent"),
    to: isoDateOrDateTime.optional().describe("Last day (UTC); today when absent"),
  })
  .meta({ id: "DailyStatsQuery" });

export const DailyStatsSchema = z
  .object({
    days: z.array(
      z.object({
        date: z.string().describe("YYYY-MM-DD (UTC)"),
        positive: z.number().int(),
        negative: z.number().int(),
        positive_rate: z.number().nullable().describe("positive / (positive + negative); null on a day without feedback"),
      }),
    ),
  })
  .meta({ id: "DailyStats" });

export const FeedbackSettingsSchema = z
  .object({
    auto_approve_positive: z.boolean(),
    auto_approve_negative: z.boolean(),
    require_reason_positive: z.boolean(),
    require_reason_negative: z.boolean(),
    feedback_enabled: z.boolean(),
    reason_options: ReasonOptionsSchema,
    max_reason_length: z.number().int().min(1).max(REASON_HARD_LIMIT),
    allowed_origins: AllowedOriginsSchema,
  })
  .meta({ id: "FeedbackSettings" });

/** A partial update: every field optional, none nullable (null is a 400); unknown keys are ignored. */
export const UpdateFeedbackSettingsBodySchema = FeedbackSettingsSchema.partial()
  .refine((update) => Object.keys(update).length > 0, "name at least one setting to change")
  .meta({ id: "UpdateFeedbackSettingsRequest" });

export const GoldenExampleSchema = z
  .object({
    id: z.string(),
    feedback_id: z.string().nullable().describe("The feedback it was made from; null for one written by hand"),
    source_type: z.enum(["feedback", "manual"]),
    approval_type: z.enum(["auto", "manual"]),
    original_query: z.string(),
    original_response: z.string(),
    golden_response: z.string(),
    context: z.array(ContextMessageSchema).describe("The conversation before the question's answer, oldest first"),
    created_by: z.string().nullable().describe("The reviewer who approved or wrote it; null for auto-approved"),
    is_active: z.boolean(),
    created_at: z.iso.datetime({ offset: true }),
    updated_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "GoldenExample" });

const booleanQuery = z.enum(["true", "false"]).transform((value) => value === "true");

export const goldenExampleFilterShape = {
  source_type: z.enum(["feedback", "manual"]).optional(),
  approval_type: z.enum(["auto", "manual"]).optional(),
  is_active: booleanQuery.optional().describe("true or false"),
  search: searchSchema.optional().describe("Case-insensitive text in the question or either answer"),
};

export const GoldenExampleListQuerySchema = z.object({ ...pagingShape, ...goldenExampleFilterShape }).meta({ id: "GoldenExampleListQuery" });

export const GoldenExampleListSchema = z
  .object({ items: z.array(GoldenExampleSchema).describe("Newest first; ties broken by id"), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .meta({ id: "GoldenExampleList" });

export const CreateGoldenExampleBodySchema = z
  .object({
    original_query: text(MAX_GOLDEN_TEXT).min(1, "must not be empty"),
    golden_response: text(MAX_GOLDEN_TEXT).min(1, "must not be empty"),
    original_response: text(MAX_GOLDEN_TEXT).optional().describe("Defaults to the golden response"),
    context: z
      .array(z.object({ role: MessageRoleSchema, content: text(MAX_GOLDEN_TEXT) }))
      .max(50)
      .optional()
      .describe("The conversation before the question, oldest first"),
  })
  .meta({ id: "CreateGoldenExampleRequest" });

export const UpdateGoldenExampleBodySchema = z
  .object({ golden_response: text(MAX_GOLDEN_TEXT).min(1, "must not be empty").optional(), is_active: z.boolean().optional() })
  .refine((update) => update.golden_response !== undefined || update.is_active !== undefined, "name golden_response or is_active")
  .meta({ id: "UpdateGoldenExampleRequest" });

export const GoldenExampleIdParamsSchema = z.object({ id: idSchema.describe("The golden example's id") });

export const ExportFormatSchema = z.enum(["jsonl", "csv"]);

export const GoldenExampleExportQuerySchema = z
  .object({
    format: ExportFormatSchema.default("jsonl").describe("jsonl: one chat fine-tuning record per line; csv: one row per example, with a header"),
    ...goldenExampleFilterShape,
    is_active: booleanQuery.optional().describe("true (the default) or false"),
  })
  .meta({ id: "GoldenExampleExportQuery" });

export const AuditQuerySchema = z
  .object({
    ...pagingShape,
    actor: idSchema.optional().describe("A user's id or email, or `system`"),
    action: text(100).optional().describe("e.g. feedback.resolved, settings.updated"),
    item: idSchema.optional().describe("The id of the feedback, golden example or settings the entry is about"),
  })
  .meta({ id: "AuditQuery" });

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    actor_type: z.enum(["user", "api_key", "system"]),
    actor_user_id: z.string().nullable(),
    actor_email: z.string().nullable(),
    action: z.string(),
    target_type: z.string(),
    target_id: z.string(),
    data: z.record(z.string(), z.unknown()).nullable().describe("What changed: e.g. `before` and `after`, or the cause"),
    created_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "AuditEntry" });

export const AuditLogSchema = z
  .object({ items: z.array(AuditEntrySchema).describe("Newest first"), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .meta({ id: "AuditLog" });

export type FeedbackQueueQuery = z.output<typeof FeedbackQueueQuerySchema>;
export type AdminFeedbackItem = z.infer<typeof AdminFeedbackItemSchema>;
export type AdminFeedbackDetail = z.infer<typeof AdminFeedbackDetailSchema>;
export type FeedbackQueue = z.infer<typeof FeedbackQueueSchema>;
export type BulkReviewBody = z.infer<typeof BulkReviewBodySchema>;
export type BulkReviewResult = z.infer<typeof BulkReviewResultSchema>;
export type FeedbackStats = z.infer<typeof FeedbackStatsSchema>;
export type DailyStats = z.infer<typeof DailyStatsSchema>;
export type GeneratedResponse = z.infer<typeof GeneratedResponseSchema>;
export type FeedbackSettings = z.infer<typeof FeedbackSettingsSchema>;
export type UpdateFeedbackSettingsBody = z.infer<typeof UpdateFeedbackSettingsBodySchema>;
export type GoldenExample = z.infer<typeof GoldenExampleSchema>;
export type GoldenExampleList = z.infer<typeof GoldenExampleListSchema>;
export type GoldenExampleListQuery = z.output<typeof GoldenExampleListQuerySchema>;
export type GoldenExampleExportQuery = z.output<typeof GoldenExampleExportQuerySchema>;
export type CreateGoldenExampleBody = z.infer<typeof CreateGoldenExampleBodySchema>;
export type UpdateGoldenExampleBody = z.infer<typeof UpdateGoldenExampleBodySchema>;
export type AuditQuery = z.output<typeof AuditQuerySchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
