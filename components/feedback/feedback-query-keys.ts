/** Every cache key the kit uses, so a host can read, prefetch or invalidate the kit's data. */
export const feedbackKeys = {
  all: ["feedback-kit"] as const,
  config: () => [...feedbackKeys.all, "config"] as const,
  messages: () => [...feedbackKeys.all, "message"] as const,
  /** The caller's vote on one message: `FeedbackResponse | null`. */
  message: (messageId: string) => [...feedbackKeys.messages(), messageId] as const,
  conversations: () => [...feedbackKeys.all, "conversation"] as const,
  /** The caller's votes in one conversation: `FeedbackListResponse`. */
  conversation: (conversationId: string) => [...feedbackKeys.conversations(), conversationId] as const,
  /** Mutation key of every vote change (submit and withdraw). */
  votes: () => [...feedbackKeys.all, "vote"] as const,
};
