import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { feedbackResponse as stored } from "@/test/feedback-response";
import { FeedbackApiError } from "@/lib/api/feedback-api-error";
import type { FeedbackClient, SubmitFeedbackInput } from "@/lib/api/feedback-client";
import type { FeedbackListResponse, FeedbackResponse } from "@/lib/api/schemas";
import { feedbackKeys } from "./feedback-query-keys";
import { createVoteQueue } from "./feedback-vote-queue";

type Call = { kind: "submit"; body: SubmitFeedbackInput } | { kind: "withdraw"; messageId: string };

/** A fake API whose requests the test answers one by one, in order. */
function fakeApi() {
  const calls: Call[] = [];
  const pending: Array<{ resolve: (value: FeedbackResponse | undefined) => void; reject: (error: unknown) => void }> = [];
  const next = <T>(call: Call) =>
    new Promise<T>((resolve, reject) => {
      calls.push(call);
      pending.push({ resolve: resolve as (value: FeedbackResponse | undefined) => void, reject });
    });
  const api: Pick<FeedbackClient, "submitFeedback" | "withdrawFeedback"> = {
    submitFeedback: (body) => next({ kind: "submit", body }),
    withdrawFeedback: (messageId) => next({ kind: "withdraw", messageId }),
  };
  const settle = async () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    api,
    calls,
    /** Answers the oldest open request, then lets the queue go on. */
    async answer(value?: FeedbackResponse) {
      pending.shift()!.resolve(value);
      await settle();
    },
    async fail(error: unknown) {
      pending.shift()!.reject(error);
      await settle();
    },
    open: () => pending.length,
  };
}

function setup(initial: FeedbackResponse | null = null, messageId = "m1") {
  const queryClient = new QueryClient();
  queryClient.setQueryData(feedbackKeys.message(messageId), initial);
  const server = fakeApi();
  const queue = createVoteQueue(queryClient, server.api);
  const shown = () => queryClient.getQueryData<FeedbackResponse | null>(feedbackKeys.message(messageId));
  return { queryClient, server, queue, shown };
}

const outcome = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

describe("createVoteQueue", () => {
  it("shows a vote at once and then the server's answer", async () => {
    const { server, queue, shown } = setup();
    const result = queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "positive" } });
    expect(shown()).toMatchObject({ message_id: "m1", feedback_type: "positive", reason: null, reason_keys: [] });
    expect(queue.isChanging("m1")).toBe(true);
    await server.answer(stored("m1", "positive"));
    expect(await result).toEqual(stored("m1", "positive"));
    expect(shown()).toEqual(stored("m1", "positive"));
    expect(queue.isChanging("m1")).toBe(false);
  });

  it("rolls back to the stored vote when the change fails, and rejects with the API error", async () => {
    const before = stored("m1", "positive", { reason: "clear" });
    const { server, queue, shown } = setup(before);
    const result = outcome(queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "negative" } }));
    expect(shown()?.feedback_type).toBe("negative");
    const error = new FeedbackApiError(500, { detail: "Internal server error", code: "internal_error" });
    await server.fail(error);
    expect(await result).toEqual({ error });
    expect(shown()).toEqual(before);
  });

  it("sends only the final intent of the changes made while a request is in flight", async () => {
    const { server, queue, shown } = setup();
    const first = queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "positive" } });
    const second = queue.send({ kind: "withdraw", messageId: "m1" });
    expect(shown()).toBeNull();
    const third = queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "negative", reason_keys: ["incorrect"] } });
    expect(shown()).toMatchObject({ feedback_type: "negative", reason_keys: ["incorrect"] });
    expect(server.calls).toHaveLength(1);

    await server.answer(stored("m1", "positive"));
    // The positive answer is not shown: the negative intent is still on its way.
    expect(shown()?.feedback_type).toBe("negative");
    expect(server.calls.map((call) => call.kind)).toEqual(["submit", "submit"]);
    expect(server.calls[1]).toEqual({ kind: "submit", body: { message_id: "m1", feedback_type: "negative", reason_keys: ["incorrect"] } });

    const final = stored("m1", "negative", { reason_keys: ["incorrect"] });
    await server.answer(final);
    expect(await Promise.all([first, second, third])).toEqual([final, final, final]);
    expect(shown()).toEqual(final);
    expect(server.open()).toBe(0);
  });

  it("sends nothing more when the final intent is what the server already stores", async () => {
    const { server, queue, shown } = setup();
    const first = queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "positive" } });
    void queue.send({ kind: "withdraw", messageId: "m1" });
    const last = queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "positive" } });
    await server.answer(stored("m1", "positive"));
    expect(await last).toEqual(stored("m1", "positive"));
    expect(await first).toEqual(stored("m1", "positive"));
    expect(server.calls).toHaveLength(1);
    expect(shown()).toEqual(stored("m1", "positive"));

    // The same vote and reason as stored: no request at all.
    expect(await queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "positive", reason: "  ", reason_keys: [] } })).toEqual(
      stored("m1", "positive"),
    );
    expect(server.calls).toHaveLength(1);
  });

  it("recovers when an earlier change failed but the final one succeeds", async () => {
    const { server, queue, shown } = setup();
    const first = outcome(queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "positive" } }));
    const last = queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "negative" } });
    await server.fail(new FeedbackApiError(0, { detail: "Failed to fetch" }));
    await server.answer(stored("m1", "negative"));
    expect(await last).toEqual(stored("m1", "negative"));
    expect(await first).toEqual({ value: stored("m1", "negative") });
    expect(shown()).toEqual(stored("m1", "negative"));
  });

  it("rolls back to what the earlier request stored when the final one fails", async () => {
    const { server, queue, shown } = setup();
    void queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "positive" } }).catch(() => {});
    const last = outcome(queue.send({ kind: "withdraw", messageId: "m1" }));
    await server.answer(stored("m1", "positive"));
    const conflict = new FeedbackApiError(503, { detail: "Service unavailable", code: "internal_error" });
    await server.fail(conflict);
    expect(await last).toEqual({ error: conflict });
    expect(shown()).toEqual(stored("m1", "positive"));
  });

  it("keeps the cached conversation lists in step: adds, replaces and removes the message's vote", async () => {
    const { queryClient, server, queue } = setup(null);
    const list = (id: string) => queryClient.getQueryData<FeedbackListResponse>(feedbackKeys.conversation(id));
    queryClient.setQueryData(feedbackKeys.conversation("c1"), { items: [stored("m0", "negative")] });
    queryClient.setQueryData(feedbackKeys.conversation("c2"), { items: [] });

    const created = queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "positive" } }, "c1");
    expect(list("c1")?.items.map((item) => [item.message_id, item.feedback_type])).toEqual([
      ["m0", "negative"],
      ["m1", "positive"],
    ]);
    await server.answer(stored("m1", "positive"));
    await created;
    expect(list("c1")?.items).toEqual([stored("m0", "negative"), stored("m1", "positive")]);
    expect(list("c2")?.items).toEqual([]);

    // Without a conversation id, a list that holds the message is still updated.
    const withdrawn = queue.send({ kind: "withdraw", messageId: "m1" });
    await server.answer();
    await withdrawn;
    expect(list("c1")?.items).toEqual([stored("m0", "negative")]);
  });

  it("cancels a read in flight, so its older answer cannot overwrite the optimistic vote", async () => {
    const { queryClient, server, queue, shown } = setup(null);
    let answerRead: (vote: FeedbackResponse | null) => void = () => {};
    const read = queryClient.fetchQuery({
      queryKey: feedbackKeys.message("m1"),
      queryFn: () => new Promise<FeedbackResponse | null>((resolve) => (answerRead = resolve)),
    });
    const change = queue.send({ kind: "submit", body: { message_id: "m1", feedback_type: "negative" } });
    answerRead(null);
    await read.catch(() => {});
    expect(shown()?.feedback_type).toBe("negative");
    await server.answer(stored("m1", "negative"));
    await change;
    expect(shown()).toEqual(stored("m1", "negative"));
  });

  it("keeps messages independent: a change on one does not wait for another", async () => {
    const queryClient = new QueryClient();
    const server = fakeApi();
    const queue = createVoteQueue(queryClient, server.api);
    void queue.send({ kind: "submit", body: { message_id: "a", feedback_type: "positive" } });
    void queue.send({ kind: "submit", body: { message_id: "b", feedback_type: "negative" } });
    expect(server.calls.map((call) => (call.kind === "submit" ? call.body.message_id : call.messageId))).toEqual(["a", "b"]);
  });
});
