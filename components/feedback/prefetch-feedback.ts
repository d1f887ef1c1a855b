// Server-side prefetch for first paint without a flash: load into a QueryClient, then
// `<HydrationBoundary state={dehydrate(queryClient)}>` around the chat. Safe in server components.
import type { QueryClient } from "@tanstack/react-query";
import type { FeedbackConfig, FeedbackListResponse } from "@/lib/api/schemas";
import { conversationFeedbackOptions, feedbackConfigOptions } from "./feedback-queries";

/**
 * Loads the caller's votes in a conversation (one list read) and each message's entry, so
 * `FeedbackButtons` with that `conversationId` render the stored votes at once and ask nothing.
 * `load` is whatever reaches the data on your server: the API client with the user's credentials,
 * or a service call in this app.
 */
export function prefetchConversationFeedback(queryClient: QueryClient, conversationId: string, load: () => Promise<FeedbackListResponse>) {
  return queryClient.prefetchQuery(conversationFeedbackOptions(queryClient, conversationId, load));
}

/** Loads the organization's feedback settings, so the buttons know at once whether to show and what to ask. */
export function prefetchFeedbackConfig(queryClient: QueryClient, load: () => Promise<FeedbackConfig>) {
  return queryClient.prefetchQuery(feedbackConfigOptions(load));
}
