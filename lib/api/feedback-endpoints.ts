import { defineEndpoint } from "./endpoint";
import {
  ConversationIdParamsSchema,
  FeedbackBatchQuerySchema,
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
    "the previous vote; re-sending the same type only replaces the reason.",
  auth: "member",
  body: SubmitFeedbackBodySchema,
  responses: {
    201: { description: "Feedback created", schema: FeedbackResponseSchema },
    200: { description: "Existing feedback changed", schema: FeedbackResponseSchema },
  },
  errors: [400, 401, 403, 404],
});

export const getMessageFeedback = defineEndpoint({
  id: "getMessageFeedback",
  method: "GET",
  path: "/api/feedback/message/{message_id}",
  tag: "Feedback",
  summary: "The caller's feedback on one message",
  description: "Returns the feedback, or `null` when the caller has not rated the message.",
  auth: "member",
  params: MessageIdParamsSchema,
  responses: { 200: { description: "The feedback or null", schema: FeedbackResponseSchema.nullable() } },
  errors: [400, 401, 404],
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
  params: MessageIdParamsSchema,
  responses: { 204: { description: "Withdrawn (or nothing to withdraw)" } },
  errors: [400, 401, 403, 404],
});

export const listConversationFeedback = defineEndpoint({
  id: "listConversationFeedback",
  method: "GET",
  path: "/api/feedback/conversation/{conversation_id}",
  tag: "Feedback",
  summary: "The caller's feedback on every message of a conversation",
  description: "One request for a whole chat: the kit loads a conversation's votes with it instead of one request per message.",
  auth: "member",
  params: ConversationIdParamsSchema,
  responses: { 200: { description: "The caller's feedback in this conversation", schema: FeedbackListResponseSchema } },
  errors: [400, 401, 404],
});

export const listFeedbackForMessages = defineEndpoint({
  id: "listFeedbackForMessages",
  method: "GET",
  path: "/api/feedback/batch",
  tag: "Feedback",
  summary: "The caller's feedback on a list of messages",
  description: "`message_ids` is a comma-separated list (at most 500). Unknown, invisible and unrated messages are absent from the result.",
  auth: "member",
  query: FeedbackBatchQuerySchema,
  responses: { 200: { description: "The caller's feedback on those messages", schema: FeedbackListResponseSchema } },
  errors: [400, 401],
});

export const feedbackEndpoints = [submitFeedback, getMessageFeedback, withdrawFeedback, listConversationFeedback, listFeedbackForMessages];
