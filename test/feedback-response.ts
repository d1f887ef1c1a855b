// A FeedbackResponse as the API sends it, for the kit's and the client's unit tests.
import type { FeedbackResponse, FeedbackType } from "@/lib/api/schemas";

export function feedbackResponse(messageId: string, type: FeedbackType = "positive", extra: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return {
    id: `fb-${messageId}`,
    message_id: messageId,
    user_id: "u1",
    feedback_type: type,
    reason: null,
    reason_keys: [],
    status: type === "positive" ? "auto_approved" : "pending",
    reviewed_by: null,
    reviewed_at: null,
    created_at: "2026-12-01T10:00:00.000Z",
    updated_at: "2026-12-01T10:00:00.000Z",
    ...extra,
  };
}
