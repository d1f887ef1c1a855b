import type { FeedbackListResponse, FeedbackResponse } from "./schemas";

export interface FeedbackBatchLoader {
  /** The caller's vote on a message (null when unrated); reads asked for in the same task share one request. */
  load(messageId: string): Promise<FeedbackResponse | null>;
}

type Waiter = { resolve: (vote: FeedbackResponse | null) => void; reject: (error: unknown) => void };

/** Runs a batch once the current task is done, so reads from every component rendered in it are collected. */
const nextTask = (flush: () => void) => void setTimeout(flush, 0);

/**
 * Collects single-message reads into list reads: a host that renders 200 buttons one by one still
 * makes one request (`listMessages` splits what is over one request's limit).
 */
export function createFeedbackBatchLoader(
  listMessages: (messageIds: string[]) => Promise<FeedbackListResponse>,
  schedule: (flush: () => void) => void = nextTask,
): FeedbackBatchLoader {
  let batch: Map<string, Waiter[]> | null = null;

  async function flush(waiting: Map<string, Waiter[]>) {
    try {
      const { items } = await listMessages([...waiting.keys()]);
      const votes = new Map(items.map((item) => [item.message_id, item]));
      for (const [messageId, waiters] of waiting) for (const waiter of waiters) waiter.resolve(votes.get(messageId) ?? null);
    } catch (error) {
      for (const waiters of waiting.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }

  return {
    load(messageId) {
      if (!batch) {
        const waiting = (batch = new Map());
        schedule(() => {
          batch = null;
          void flush(waiting);
        });
      }
      const current = batch;
      return new Promise((resolve, reject) => {
        const waiters = current.get(messageId);
        if (waiters) waiters.push({ resolve, reject });
        else current.set(messageId, [{ resolve, reject }]);
      });
    },
  };
}
