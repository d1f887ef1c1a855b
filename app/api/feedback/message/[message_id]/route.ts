import { getMessageFeedback, withdrawFeedback as withdrawEndpoint } from "@/lib/api/feedback-endpoints";
import { toFeedbackResponse } from "@/server/feedback/feedback-response";
import { getFeedbackForMessage, withdrawFeedback } from "@/server/feedback/feedback-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(getMessageFeedback, async ({ db, actor, params }) => {
  const feedback = await getFeedbackForMessage({ db, actor }, params.message_id);
  return { body: feedback ? toFeedbackResponse(feedback) : null };
});

export const DELETE = defineRoute(withdrawEndpoint, async ({ db, actor, params }) => {
  await withdrawFeedback({ db, actor }, params.message_id);
  return { status: 204 };
});

export const OPTIONS = corsPreflight(getMessageFeedback, withdrawEndpoint);
