// Query options shared by the hooks and the server-side prefetch helpers (no React here).
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { FeedbackConfig, FeedbackListResponse, FeedbackResponse } from "@/lib/api/schemas";
import { feedbackKeys } from "./feedback-query-keys";

/** Votes change only through this user, so a minute-old read is fresh enough; focus and remounts refetch after. */
export const VOTE_STALE_TIME = 60_000;
/** An admin's settings change rarely; a new page load or five minutes picks them up. */
export const CONFIG_STALE_TIME = 5 * 60_000;

export function feedbackConfigOptions(load: () => Promise<FeedbackConfig>) {
  return queryOptions({ queryKey: feedbackKeys.config(), queryFn: load, staleTime: CONFIG_STALE_TIME });
}

/** The vote on one message within a conversation's list; unrated messages are absent from it. */
export function voteInList(list: FeedbackListResponse, messageId: string): FeedbackResponse | null {
  return list.items.find((item) => item.message_id === messageId) ?? null;
}

/**
 * Copies a conversation's votes into the per-message entries the buttons read, so they need no
 * request of their own. A vote missing from a newer list was withdrawn elsewhere: its entry becomes
 * null. Messages with a vote change in flight keep their optimistic state.
 */
export function seedMessageVotes(
  queryClient: QueryClient,
  list: FeedbackListResponse,
  previous: FeedbackListResponse | undefined,
  isChanging: (messageId: string) => boolean = () => false,
) {
  const present = new Set<string>();
  for (const item of list.items) {
    present.add(item.message_id);
    if (!isChanging(item.message_id)) queryClient.setQueryData(feedbackKeys.message(item.message_id), item);
  }
  for (const item of previous?.items ?? []) {
    if (present.has(item.message_id) || isChanging(item.message_id)) continue;
    if (queryClient.getQueryData(feedbackKeys.message(item.message_id)) !== undefined) {
      queryClient.setQueryData(feedbackKeys.message(item.message_id), null);
    }
  }
}

export function conversationFeedbackOptions(
  queryClient: QueryClient,
  conversationId: string,
  load: () => Promise<FeedbackListResponse>,
  isChanging?: (messageId: string) => boolean,
) {
  const queryKey = feedbackKeys.conversation(conversationId);
  return queryOptions({
    queryKey,
    queryFn: async () => {
      const previous = queryClient.getQueryData<FeedbackListResponse>(queryKey);
      const list = await load();
      seedMessageVotes(queryClient, list, previous, isChanging);
      return list;
    },
    staleTime: VOTE_STALE_TIME,
  });
}
