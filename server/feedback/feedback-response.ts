import "server-only";
import type { FeedbackResponse } from "@/lib/api/schemas";
import type { StoredFeedback } from "./feedback-store";

/** The API's form of a vote: the one place a FeedbackResponse is made. */
export function toFeedbackResponse(feedback: StoredFeedback): FeedbackResponse {
  return {
    id: feedback.id,
    message_id: feedback.messageId,
    user_id: feedback.userId,
    feedback_type: feedback.feedbackType,
    reason: feedback.reason,
    reason_keys: feedback.reasonKeys,
    status: feedback.status,
    reviewed_by: feedback.reviewedById,
    reviewed_at: feedback.reviewedAt,
    created_at: feedback.createdAt,
    updated_at: feedback.updatedAt,
  };
}
