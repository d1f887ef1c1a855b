import { submitFeedback as endpoint } from "@/lib/api/feedback-endpoints";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { toFeedbackResponse } from "@/server/feedback/feedback-response";
import { submitFeedback } from "@/server/feedback/feedback-service";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(endpoint, async ({ db, actor, body }) => {
  const { feedback, created } = await submitFeedback(feedbackContext(db, actor), body);
  return { status: created ? 201 : 200, body: toFeedbackResponse(feedback) };
});
