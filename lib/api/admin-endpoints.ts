// The review API: the queue, review actions, stats, settings and the audit log (SPEC §2–4, issue #10).
import {
  AdminFeedbackDetailSchema,
  AdminFeedbackItemSchema,
  AuditLogSchema,
  AuditQuerySchema,
  BulkReviewBodySchema,
  BulkReviewResultSchema,
  DailyStatsQuerySchema,
  DailyStatsSchema,
  DeleteFeedbackQuerySchema,
  DismissFeedbackBodySchema,
  FeedbackIdParamsSchema,
  FeedbackQueueQuerySchema,
  FeedbackQueueSchema,
  FeedbackSettingsSchema,
  FeedbackStatsSchema,
  GeneratedResponseSchema,
  ResolveFeedbackBodySchema,
  RestoreFeedbackBodySchema,
  UpdateFeedbackSettingsBodySchema,
} from "./admin-schemas";
import { defineEndpoint } from "./endpoint";

const TAG = "Review";
const CONFLICTS = "A state that does not allow the action, or an item that changed since the reviewer loaded it (`expected_updated_at`), is a 409 whose detail says the current state, who set it and when.";

export const listReviewQueue = defineEndpoint({
  id: "listReviewQueue",
  method: "GET",
  path: "/api/feedback/admin/list",
  tag: TAG,
  summary: "The review queue",
  description: "The organization's feedback with its context, newest first (ties broken by id), filtered and paged. Filters combine.",
  auth: "reviewer",
  apiKeyScope: "feedback:read",
  query: FeedbackQueueQuerySchema,
  responses: { 200: { description: "One page of the queue", schema: FeedbackQueueSchema } },
});

export const getReviewStats = defineEndpoint({
  id: "getReviewStats",
  method: "GET",
  path: "/api/feedback/admin/stats",
  tag: TAG,
  summary: "Counters of the organization's feedback",
  description: "The totals by type and status match the queue's `total` for the same filter; `golden_examples_count` counts active examples.",
  auth: "reviewer",
  apiKeyScope: "feedback:read",
  responses: { 200: { description: "The counters", schema: FeedbackStatsSchema } },
});

export const getDailyReviewStats = defineEndpoint({
  id: "getDailyReviewStats",
  method: "GET",
  path: "/api/feedback/admin/stats/daily",
  tag: TAG,
  summary: "Feedback per day",
  description: "Positive and negative votes per day (UTC, by creation) and the positive rate, every day of the range present; at most 366 days, the last 30 by default.",
  auth: "reviewer",
  apiKeyScope: "feedback:read",
  query: DailyStatsQuerySchema,
  responses: { 200: { description: "One entry per day, oldest first", schema: DailyStatsSchema } },
});

export const getReviewItem = defineEndpoint({
  id: "getReviewItem",
  method: "GET",
  path: "/api/feedback/admin/{id}",
  tag: TAG,
  summary: "One feedback item with its conversation",
  auth: "reviewer",
  apiKeyScope: "feedback:read",
  params: FeedbackIdParamsSchema,
  responses: { 200: { description: "The item and the messages before the rated answer", schema: AdminFeedbackDetailSchema } },
  errors: ["not_found"],
});

export const resolveFeedback = defineEndpoint({
  id: "resolveFeedback",
  method: "POST",
  path: "/api/feedback/admin/{id}/resolve",
  tag: TAG,
  summary: "Approve feedback as a golden example",
  description:
    "pending or auto_approved → reviewed. Creates the feedback's golden example, or makes the existing one the reviewer's " +
    "(`approval_type` manual). Negative feedback needs `golden_response`, the corrected answer (400 without it); for positive " +
    `feedback it is an optional edit of the original answer. ${CONFLICTS} Clients of the original API may send fields such as ` +
    "`query_type`; they are ignored.",
  auth: "reviewer",
  params: FeedbackIdParamsSchema,
  body: ResolveFeedbackBodySchema,
  responses: { 200: { description: "The updated item", schema: AdminFeedbackItemSchema } },
  errors: ["golden_response_required", "not_found", "transition_not_allowed", "item_changed"],
});

export const dismissFeedback = defineEndpoint({
  id: "dismissFeedback",
  method: "POST",
  path: "/api/feedback/admin/{id}/dismiss",
  tag: TAG,
  summary: "Dismiss feedback",
  description: `pending or auto_approved → dismissed, with an optional reason; a golden example made from it stops being used. ${CONFLICTS}`,
  auth: "reviewer",
  params: FeedbackIdParamsSchema,
  body: DismissFeedbackBodySchema,
  responses: { 200: { description: "The updated item", schema: AdminFeedbackItemSchema } },
  errors: ["not_found", "transition_not_allowed", "item_changed"],
});

export const restoreFeedback = defineEndpoint({
  id: "restoreFeedback",
  method: "POST",
  path: "/api/feedback/admin/{id}/restore",
  tag: TAG,
  summary: "Put dismissed feedback back in the queue",
  description: `dismissed → pending; the dismissal (reviewer, time, reason) is cleared. ${CONFLICTS}`,
  auth: "reviewer",
  params: FeedbackIdParamsSchema,
  body: RestoreFeedbackBodySchema,
  responses: { 200: { description: "The updated item", schema: AdminFeedbackItemSchema } },
  errors: ["not_found", "transition_not_allowed", "item_changed"],
});

export const deleteReviewItem = defineEndpoint({
  id: "deleteReviewItem",
  method: "DELETE",
  path: "/api/feedback/admin/{id}",
  tag: TAG,
  summary: "Delete feedback and its golden example",
  auth: "reviewer",
  params: FeedbackIdParamsSchema,
  query: DeleteFeedbackQuerySchema,
  responses: { 204: { description: "Deleted" } },
  errors: ["not_found", "item_changed"],
});

export const bulkReview = defineEndpoint({
  id: "bulkReview",
  method: "POST",
  path: "/api/feedback/admin/bulk",
  tag: TAG,
  summary: "Resolve, dismiss or restore up to 100 items",
  description:
    "Each item is changed on its own, atomically, as its single action would; the answer has one result per id, in order. " +
    "Bulk resolve takes positive feedback only (negative feedback needs a correction each).",
  auth: "reviewer",
  body: BulkReviewBodySchema,
  responses: { 200: { description: "One result per id", schema: BulkReviewResultSchema } },
});

export const getReviewSettings = defineEndpoint({
  id: "getReviewSettings",
  method: "GET",
  path: "/api/feedback/admin/settings",
  tag: TAG,
  summary: "The organization's feedback settings",
  auth: "reviewer",
  responses: { 200: { description: "The settings, defaults where unchanged", schema: FeedbackSettingsSchema } },
});

export const updateReviewSettings = defineEndpoint({
  id: "updateReviewSettings",
  method: "PUT",
  path: "/api/feedback/admin/settings",
  tag: TAG,
  summary: "Change feedback settings (admins)",
  description: "A partial update: the named settings change and the whole object comes back. A wrong type or null is a 400; unknown keys are ignored. The next vote follows the new settings.",
  auth: "admin",
  body: UpdateFeedbackSettingsBodySchema,
  responses: { 200: { description: "The settings after the change", schema: FeedbackSettingsSchema } },
});

export const listAuditLog = defineEndpoint({
  id: "listAuditLog",
  method: "GET",
  path: "/api/feedback/admin/audit",
  tag: TAG,
  summary: "The audit log",
  description: "Every admin action and every vote change that affects a golden example: who, what, when, before and after. Newest first.",
  auth: "reviewer",
  query: AuditQuerySchema,
  responses: { 200: { description: "One page of the log", schema: AuditLogSchema } },
});

export const generateCorrectedResponse = defineEndpoint({
  id: "generateCorrectedResponse",
  method: "POST",
  path: "/api/feedback/admin/{id}/generate-response",
  tag: TAG,
  summary: "Draft a corrected answer",
  description:
    "Asks the responder (the chat demo's: offline and deterministic unless `OPENAI_BASE_URL` names an OpenAI-compatible " +
    "endpoint) for a corrected answer, given the conversation, the rated answer and the user's reason. Changes nothing: " +
    "the reviewer edits the draft and sends it with `resolve`. A responder that fails is not an HTTP error: the answer is " +
    "200 with `success` false and `error` saying why, as in the original API.",
  auth: "reviewer",
  params: FeedbackIdParamsSchema,
  responses: { 200: { description: "The draft, or why there is none", schema: GeneratedResponseSchema } },
  errors: ["not_found"],
});

export const reviewEndpoints = [
  listReviewQueue,
  getReviewStats,
  getDailyReviewStats,
  getReviewItem,
  resolveFeedback,
  dismissFeedback,
  restoreFeedback,
  deleteReviewItem,
  generateCorrectedResponse,
  bulkReview,
  getReviewSettings,
  updateReviewSettings,
  listAuditLog,
];
