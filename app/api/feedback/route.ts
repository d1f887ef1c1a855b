import { listFeedback as listEndpoint, submitFeedback as submitEndpoint } from "@/lib/api/feedback-endpoints";
import { toFeedbackResponse } from "@/server/feedback/feedback-response";
import { listFeedbackInConversation, listFeedbackOnMessages, submitFeedback } from "@/server/feedback/feedback-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(submitEndpoint, async ({ db, actor, body }) => {
  const { feedback, created } = await submitFeedback({ db, actor }, body);
  return { status: created ? 201 : 200, body: toFeedbackResponse(feedback) };
});

export const GET = defineRoute(listEndpoint, async ({ db, actor, query }) => {
  const feedback =
    "conversation_id" in query
      ? await listFeedbackInConversation({ db, actor }, query.conversation_id)
      : await listFeedbackOnMessages({ db, actor }, query.message_ids);
  return { body: { items: feedback.map(toFeedbackResponse) } };
});

export const OPTIONS = corsPreflight(submitEndpoint, listEndpoint);
