// The kit's public entry point: what a host app imports.
export { FeedbackButtons, type FeedbackButtonsProps } from "./feedback-buttons";
export { FeedbackProvider, type FeedbackProviderProps } from "./feedback-provider";
export { useFeedbackKit, type FeedbackIcon, type FeedbackIcons } from "./feedback-context";
export { DEFAULT_FEEDBACK_LABELS, type FeedbackLabelOverrides, type FeedbackLabels, type ReasonLabelOverrides } from "./feedback-labels";
export { feedbackKeys } from "./feedback-query-keys";
export { useConversationFeedback, useFeedbackConfig, useMessageFeedback, type MessageFeedbackOptions } from "./use-feedback-queries";
export { useSubmitFeedback, useWithdrawFeedback, type VoteMutationOptions } from "./use-feedback-mutations";
export { prefetchConversationFeedback, prefetchFeedbackConfig } from "./prefetch-feedback";
export { createFeedbackClient, type FeedbackClient, type FeedbackClientOptions, type SubmitFeedbackInput } from "@/lib/api/feedback-client";
export { FeedbackApiError } from "@/lib/api/feedback-api-error";
export type { GetToken, TokenGrant } from "@/lib/api/bearer-token";
export type { FeedbackConfig, FeedbackListResponse, FeedbackResponse, FeedbackType } from "@/lib/api/schemas";
