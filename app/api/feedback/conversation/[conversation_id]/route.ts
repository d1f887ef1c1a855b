import { listConversationFeedback } from "@/lib/api/feedback-endpoints";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { listFeedbackInConversation } from "@/server/feedback/feedback-service";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listConversationFeedback, async ({ db, actor, params }) => {
  return { body: await listFeedbackInConversation(feedbackContext(db, actor), params.conversation_id) };
});
