"use client";
import { useQuery } from "@tanstack/react-query";
import { useFeedbackKit } from "./feedback-context";
import { conversationFeedbackOptions, feedbackConfigOptions, VOTE_STALE_TIME, voteInList } from "./feedback-queries";
import { feedbackKeys } from "./feedback-query-keys";
import type { FeedbackListResponse, FeedbackResponse } from "@/lib/api/schemas";

/** The organization's feedback settings: on/off, reason options, required reasons, note limit. */
export function useFeedbackConfig() {
  const { api, queryClient } = useFeedbackKit();
  return useQuery(feedbackConfigOptions(() => api.getFeedbackConfig()), queryClient);
}

/** The caller's votes in a conversation, in one request. Also fills each message's entry. */
export function useConversationFeedback(conversationId: string | null | undefined) {
  const { api, votes, queryClient } = useFeedbackKit();
  const id = conversationId ?? "";
  return useQuery(
    {
      ...conversationFeedbackOptions(queryClient, id, () => api.listConversationFeedback(id), votes.isChanging),
      enabled: Boolean(conversationId),
    },
    queryClient,
  );
}

export interface MessageFeedbackOptions {
  /** Read the vote from this conversation's list (one request for all its messages) instead of a batched per-message read. */
  conversationId?: string | null;
  enabled?: boolean;
}

/**
 * The caller's vote on one message (`null` when unrated). Without a conversation, reads from all
 * components rendered in the same task are batched into one request.
 */
export function useMessageFeedback(messageId: string | null | undefined, options: MessageFeedbackOptions = {}) {
  const { api, loader, votes, queryClient } = useFeedbackKit();
  const id = messageId ?? "";
  const conversationId = options.conversationId || undefined;
  const conversationKey = feedbackKeys.conversation(conversationId ?? "");
  return useQuery<FeedbackResponse | null>(
    {
      queryKey: feedbackKeys.message(id),
      queryFn: async () => {
        if (!conversationId) return loader.load(id);
        const list = await queryClient.fetchQuery(
          conversationFeedbackOptions(queryClient, conversationId, () => api.listConversationFeedback(conversationId), votes.isChanging),
        );
        return voteInList(list, id);
      },
      // A conversation already in the cache (prefetched on the server, or read for another message)
      // answers at once, also for messages that only just got their id.
      initialData: () => {
        const list = conversationId ? queryClient.getQueryData<FeedbackListResponse>(conversationKey) : undefined;
        return list ? voteInList(list, id) : undefined;
      },
      initialDataUpdatedAt: () => queryClient.getQueryState(conversationKey)?.dataUpdatedAt,
      staleTime: VOTE_STALE_TIME,
      enabled: Boolean(messageId) && options.enabled !== false,
    },
    queryClient,
  );
}
