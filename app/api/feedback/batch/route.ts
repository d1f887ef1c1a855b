import { listFeedbackForMessages } from "@/lib/api/feedback-endpoints";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { listFeedbackOnMessages } from "@/server/feedback/feedback-service";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listFeedbackForMessages, async ({ db, actor, query }) => {
  return { body: await listFeedbackOnMessages(feedbackContext(db, actor), query.message_ids) };
});
