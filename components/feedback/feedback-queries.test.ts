import { dehydrate, QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { feedbackResponse as vote } from "@/test/feedback-response";
import { conversationFeedbackOptions, seedMessageVotes } from "./feedback-queries";
import { feedbackKeys } from "./feedback-query-keys";
import { prefetchConversationFeedback } from "./prefetch-feedback";

const entry = (queryClient: QueryClient, messageId: string) => queryClient.getQueryData(feedbackKeys.message(messageId));

describe("seedMessageVotes", () => {
  it("fills each message's entry, clears votes a newer list no longer has, and leaves changing messages alone", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(feedbackKeys.message("gone"), vote("gone"));
    queryClient.setQueryData(feedbackKeys.message("busy"), vote("busy", "negative"));
    seedMessageVotes(queryClient, { items: [vote("m1"), vote("busy")] }, { items: [vote("gone"), vote("never-read")] }, (id) => id === "busy");
    expect(entry(queryClient, "m1")).toEqual(vote("m1"));
    expect(entry(queryClient, "gone")).toBeNull();
    expect(entry(queryClient, "never-read")).toBeUndefined();
    expect(entry(queryClient, "busy")).toEqual(vote("busy", "negative"));
  });
});

describe("prefetchConversationFeedback", () => {
  it("loads one list on the server and dehydrates it with every rated message's entry", async () => {
    const queryClient = new QueryClient();
    const load = vi.fn(async () => ({ items: [vote("m1"), vote("m3", "negative")] }));
    await prefetchConversationFeedback(queryClient, "c1", load);
    expect(load).toHaveBeenCalledTimes(1);
    const keys = dehydrate(queryClient).queries.map((query) => query.queryKey);
    expect(keys).toEqual(
      expect.arrayContaining([feedbackKeys.conversation("c1"), feedbackKeys.message("m1"), feedbackKeys.message("m3")]),
    );
    expect(keys).toHaveLength(3);

    // Fresh data is not read again on the client.
    await queryClient.fetchQuery(conversationFeedbackOptions(queryClient, "c1", load));
    expect(load).toHaveBeenCalledTimes(1);
  });
});
