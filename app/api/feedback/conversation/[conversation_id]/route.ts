import { listConversationFeedback } from "@/lib/api/feedback-endpoints";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { toFeedbackResponse } from "@/server/feedback/feedback-response";
import { listFeedback } from "@/server/feedback/feedback-service";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listConversationFeedback, async ({ db, actor, params }) => {
  const items = await listFeedback(feedbackContext(db, actor), { conversationId: params.conversation_id });
  return { body: { items: items.map(toFeedbackResponse) } };
});
