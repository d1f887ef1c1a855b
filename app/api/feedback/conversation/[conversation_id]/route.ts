import { listConversationFeedback } from "@/lib/api/feedback-endpoints";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { toFeedbackListResponse } from "@/server/feedback/feedback-response";
import { listFeedbackInConversation } from "@/server/feedback/feedback-service";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listConversationFeedback, async ({ db, actor, params }) => {
  const items = await listFeedbackInConversation(feedbackContext(db, actor), params.conversation_id);
  return { body: toFeedbackListResponse(items) };
});
