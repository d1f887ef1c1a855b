import "server-only";
import type { FeedbackListResponse, FeedbackResponse } from "@/lib/api/schemas";
import { SerializedJson } from "@/server/serialized-json";
import type { FeedbackListJson, StoredFeedback } from "./feedback-store";

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

const LIST_OPEN = Buffer.from('{"items":');
const LIST_CLOSE = Buffer.from("}");

/** `{"items": [...]}` around an already serialized list, without parsing it. */
export function toFeedbackListResponse(items: FeedbackListJson): SerializedJson<FeedbackListResponse> {
  return new SerializedJson(Buffer.concat([LIST_OPEN, items.bytes, LIST_CLOSE]));
}
