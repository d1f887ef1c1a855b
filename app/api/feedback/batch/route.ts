import { listFeedbackForMessages } from "@/lib/api/feedback-endpoints";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { toFeedbackResponse } from "@/server/feedback/feedback-response";
import { listFeedback } from "@/server/feedback/feedback-service";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listFeedbackForMessages, async ({ db, actor, query }) => {
  const items = await listFeedback(feedbackContext(db, actor), { messageIds: query.message_ids });
  return { body: { items: items.map(toFeedbackResponse) } };
});
