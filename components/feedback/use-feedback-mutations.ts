"use client";
import { useMutation } from "@tanstack/react-query";
import type { FeedbackApiError } from "@/lib/api/feedback-api-error";
import type { SubmitFeedbackInput } from "@/lib/api/feedback-client";
import type { FeedbackResponse } from "@/lib/api/schemas";
import { useFeedbackKit } from "./feedback-context";
import { feedbackKeys } from "./feedback-query-keys";

export interface VoteMutationOptions {
  /** The conversation the messages belong to, so its cached list stays in step. */
  conversationId?: string | null;
}

/**
 * Rates a message (or changes the vote or its reason). Optimistic: the cache shows the vote at once
 * and rolls back when the final change fails. Changes made while one is in flight are coalesced:
 * only the last is sent. Resolves with the vote that stands afterwards.
 */
export function useSubmitFeedback(options: VoteMutationOptions = {}) {
  const { votes, queryClient } = useFeedbackKit();
  return useMutation<FeedbackResponse | null, FeedbackApiError, SubmitFeedbackInput>(
    {
      mutationKey: feedbackKeys.votes(),
      mutationFn: (body) => votes.send({ kind: "submit", body }, options.conversationId || undefined),
    },
    queryClient,
  );
}

/** Withdraws the caller's vote on a message; optimistic and coalesced like `useSubmitFeedback`. */
export function useWithdrawFeedback(options: VoteMutationOptions = {}) {
  const { votes, queryClient } = useFeedbackKit();
  return useMutation<FeedbackResponse | null, FeedbackApiError, { message_id: string }>(
    {
      mutationKey: feedbackKeys.votes(),
      mutationFn: ({ message_id }) => votes.send({ kind: "withdraw", messageId: message_id }, options.conversationId || undefined),
    },
    queryClient,
  );
}
