import { listFeedback as listEndpoint, submitFeedback as submitEndpoint } from "@/lib/api/feedback-endpoints";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { toFeedbackResponse } from "@/server/feedback/feedback-response";
import { listFeedbackInConversation, listFeedbackOnMessages, submitFeedback } from "@/server/feedback/feedback-service";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(submitEndpoint, async ({ db, actor, body }) => {
  const { feedback, created } = await submitFeedback(feedbackContext(db, actor), body);
  return { status: created ? 201 : 200, body: toFeedbackResponse(feedback) };
});

export const GET = defineRoute(listEndpoint, async ({ db, actor, query }) => {
  const context = feedbackContext(db, actor);
  if ("conversation_id" in query) return { body: await listFeedbackInConversation(context, query.conversation_id) };
  return { body: await listFeedbackOnMessages(context, query.message_ids) };
});
