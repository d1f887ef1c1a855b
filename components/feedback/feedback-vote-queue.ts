// Vote changes per message: optimistic cache writes, one request at a time, only the final intent.
import type { QueryClient } from "@tanstack/react-query";
import type { FeedbackClient, SubmitFeedbackInput } from "@/lib/api/feedback-client";
import type { FeedbackListResponse, FeedbackResponse } from "@/lib/api/schemas";
import { feedbackKeys } from "./feedback-query-keys";

export type VoteIntent = { kind: "submit"; body: SubmitFeedbackInput } | { kind: "withdraw"; messageId: string };

export interface VoteQueue {
  /**
   * Shows the intent at once and sends it. While a request for the same message is in flight,
   * later intents wait and only the last one is sent. Resolves with the vote that stands when the
   * message's queue is empty; rejects when the final intent failed (the cache is rolled back).
   */
  send(intent: VoteIntent, conversationId?: string): Promise<FeedbackResponse | null>;
  /** Whether a change to this message's vote is being shown optimistically or sent. */
  isChanging(messageId: string): boolean;
}

interface Lane {
  /** The server's state, as last confirmed (undefined: never read). */
  confirmed: FeedbackResponse | null | undefined;
  next: VoteIntent | null;
  conversationId?: string;
  waiters: Array<{ resolve: (vote: FeedbackResponse | null) => void; reject: (error: unknown) => void }>;
}

const messageOf = (intent: VoteIntent) => (intent.kind === "submit" ? intent.body.message_id : intent.messageId);
const noteOf = (reason: string | null | undefined) => reason?.trim() || null;
const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key) => b.includes(key));

/** The vote the server will answer with, as far as the UI shows it. */
function optimisticVote(body: SubmitFeedbackInput, previous: FeedbackResponse | null | undefined): FeedbackResponse {
  const now = new Date().toISOString();
  const sameType = previous?.feedback_type === body.feedback_type;
  return {
    id: previous?.id ?? "",
    message_id: body.message_id,
    user_id: previous?.user_id ?? "",
    feedback_type: body.feedback_type,
    reason: noteOf(body.reason),
    reason_keys: [...new Set(body.reason_keys ?? [])],
    status: sameType && previous ? previous.status : "pending",
    reviewed_by: sameType && previous ? previous.reviewed_by : null,
    reviewed_at: sameType && previous ? previous.reviewed_at : null,
    created_at: previous?.created_at ?? now,
    updated_at: now,
  };
}

/** Whether sending the intent would leave the stored vote as it is. */
function changesNothing(intent: VoteIntent, stored: FeedbackResponse | null | undefined): boolean {
  if (stored === undefined) return false;
  if (intent.kind === "withdraw") return stored === null;
  return (
    stored !== null &&
    stored.feedback_type === intent.body.feedback_type &&
    stored.reason === noteOf(intent.body.reason) &&
    sameKeys(stored.reason_keys, [...new Set(intent.body.reason_keys ?? [])])
  );
}

function withVote(list: FeedbackListResponse, messageId: string, vote: FeedbackResponse | null): FeedbackListResponse {
  const items = list.items.filter((item) => item.message_id !== messageId);
  return { ...list, items: vote ? [...items, vote] : items };
}

export function createVoteQueue(queryClient: QueryClient, client: Pick<FeedbackClient, "submitFeedback" | "withdrawFeedback">): VoteQueue {
  const lanes = new Map<string, Lane>();

  /** Writes a vote to its message entry and to the cached conversation lists that hold (or should hold) it. */
  function show(messageId: string, vote: FeedbackResponse | null, conversationId: string | undefined) {
    queryClient.setQueryData(feedbackKeys.message(messageId), vote);
    for (const [queryKey, list] of queryClient.getQueriesData<FeedbackListResponse>({ queryKey: feedbackKeys.conversations() })) {
      if (!list) continue;
      const holds = list.items.some((item) => item.message_id === messageId);
      if (holds || queryKey[2] === conversationId) queryClient.setQueryData(queryKey, withVote(list, messageId, vote));
    }
  }

  async function perform(intent: VoteIntent): Promise<FeedbackResponse | null> {
    if (intent.kind === "submit") return client.submitFeedback(intent.body);
    await client.withdrawFeedback(intent.messageId);
    return null;
  }

  async function drain(messageId: string, lane: Lane) {
    let failure: { error: unknown } | null = null;
    for (let intent = lane.next; intent; intent = lane.next) {
      lane.next = null;
      if (changesNothing(intent, lane.confirmed)) {
        failure = null;
        continue;
      }
      try {
        lane.confirmed = await perform(intent);
        failure = null;
      } catch (error) {
        failure = { error };
      }
    }
    lanes.delete(messageId);
    const key = feedbackKeys.message(messageId);
    if (lane.confirmed === undefined) void queryClient.invalidateQueries({ queryKey: key });
    else show(messageId, lane.confirmed, lane.conversationId);
    for (const waiter of lane.waiters) {
      if (failure) waiter.reject(failure.error);
      else waiter.resolve(lane.confirmed ?? null);
    }
  }

  return {
    send(intent, conversationId) {
      const messageId = messageOf(intent);
      const key = feedbackKeys.message(messageId);
      // A read still in flight would overwrite the optimistic state with the old vote.
      void queryClient.cancelQueries({ queryKey: key });
      const existing = lanes.get(messageId);
      const lane: Lane = existing ?? { confirmed: queryClient.getQueryData(key), next: null, waiters: [] };
      lane.next = intent;
      lane.conversationId ??= conversationId;
      const shown = queryClient.getQueryData<FeedbackResponse | null>(key);
      show(messageId, intent.kind === "submit" ? optimisticVote(intent.body, shown) : null, lane.conversationId);
      const settled = new Promise<FeedbackResponse | null>((resolve, reject) => lane.waiters.push({ resolve, reject }));
      if (!existing) {
        lanes.set(messageId, lane);
        void drain(messageId, lane);
      }
      return settled;
    },
    isChanging: (messageId) => lanes.has(messageId),
  };
}
