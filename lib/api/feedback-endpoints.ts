import { defineEndpoint } from "./endpoint";
import {
  FeedbackConfigSchema,
  FeedbackListQuerySchema,
  FeedbackListResponseSchema,
  FeedbackResponseSchema,
  MessageIdParamsSchema,
  SubmitFeedbackBodySchema,
} from "./schemas";

export const submitFeedback = defineEndpoint({
  id: "submitFeedback",
  method: "POST",
  path: "/api/feedback",
  tag: "Feedback",
  summary: "Rate an assistant message",
  description:
    "Creates the caller's feedback for the message (201) or changes their existing vote (200). Changing the " +
    "feedback type restarts the review lifecycle and deactivates a golden example that was auto-created from " +
    "the previous vote; re-sending the same type only replaces the reason. Simultaneous submissions for one vote " +
    "take turns: each is applied to the vote as the one before left it.",
  auth: "member",
  feedbackToken: true,
  body: SubmitFeedbackBodySchema,
  responses: {
    201: { description: "Feedback created", schema: FeedbackResponseSchema },
    200: { description: "Existing feedback changed", schema: FeedbackResponseSchema },
  },
  errors: ["reason_required", "reason_too_long", "unknown_reason_option", "message_not_rateable", "feedback_disabled", "not_found"],
});

export const getMessageFeedback = defineEndpoint({
  id: "getMessageFeedback",
  method: "GET",
  path: "/api/feedback/message/{message_id}",
  tag: "Feedback",
  summary: "The caller's feedback on one message",
  description: "Returns the feedback, or `null` when the caller has not rated the message.",
  auth: "member",
  feedbackToken: true,
  params: MessageIdParamsSchema,
  responses: { 200: { description: "The feedback or null", schema: FeedbackResponseSchema.nullable() } },
  errors: ["not_found"],
});

export const withdrawFeedback = defineEndpoint({
  id: "withdrawFeedback",
  method: "DELETE",
  path: "/api/feedback/message/{message_id}",
  tag: "Feedback",
  summary: "Withdraw the caller's feedback on one message",
  description:
    "Deletes the caller's vote. A golden example auto-created from it is deactivated; one a reviewer " +
    "approved stays. Idempotent: 204 also when there was nothing to withdraw.",
  auth: "member",
  feedbackToken: true,
  params: MessageIdParamsSchema,
  responses: { 204: { description: "Withdrawn (or nothing to withdraw)" } },
  errors: ["not_found"],
});

export const listFeedback = defineEndpoint({
  id: "listFeedback",
  method: "GET",
  path: "/api/feedback",
  tag: "Feedback",
  summary: "The caller's feedback on a conversation or on a list of messages",
  description:
    "One request for a whole chat (`conversation_id`) or for up to 500 messages (`message_ids`); pass exactly one. " +
    "An unknown or invisible conversation is a 404; unknown, invisible and unrated messages are absent from the result.",
  auth: "member",
  feedbackToken: true,
  query: FeedbackListQuerySchema,
  responses: { 200: { description: "The caller's feedback on those messages", schema: FeedbackListResponseSchema } },
  errors: ["not_found"],
});

export const getFeedbackConfig = defineEndpoint({
  id: "getFeedbackConfig",
  method: "GET",
  path: "/api/feedback/config",
  tag: "Feedback",
  summary: "The organization's feedback settings for the rating UI",
  description:
    "What a feedback widget needs to know before the user votes: whether feedback is on, the reason options per " +
    "type (stable keys and labels), which types require a reason and how long a note may be. The organization's " +
    "defaults when an admin has not changed them.",
  auth: "member",
  feedbackToken: true,
  responses: { 200: { description: "The caller's organization's feedback settings", schema: FeedbackConfigSchema } },
});

export const feedbackEndpoints = [submitFeedback, listFeedback, getMessageFeedback, withdrawFeedback, getFeedbackConfig];
