import { describe, expect, it, vi } from "vitest";
import { feedbackResponse as vote } from "@/test/feedback-response";
import { recordingFetch } from "@/test/recording-fetch";
import { createFeedbackBatchLoader } from "./feedback-batch-loader";
import { createFeedbackClient } from "./feedback-client";
import type { FeedbackListResponse } from "./schemas";

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createFeedbackBatchLoader", () => {
  it("answers every read of one task from one list call, unrated messages with null", async () => {
    const list = vi.fn(async (ids: string[]): Promise<FeedbackListResponse> => ({ items: ids.filter((id) => id !== "m2").map((id) => vote(id)) }));
    const loader = createFeedbackBatchLoader(list);
    const reads = [loader.load("m1"), loader.load("m2"), loader.load("m3"), loader.load("m1")];
    expect(await Promise.all(reads)).toEqual([vote("m1"), null, vote("m3"), vote("m1")]);
    expect(list.mock.calls).toEqual([[["m1", "m2", "m3"]]]);
  });

  it("starts a new batch for reads made in a later task", async () => {
    const list = vi.fn(async (ids: string[]): Promise<FeedbackListResponse> => ({ items: ids.map((id) => vote(id)) }));
    const loader = createFeedbackBatchLoader(list);
    const first = loader.load("m1");
    await nextTask();
    const second = loader.load("m2");
    await Promise.all([first, second]);
    expect(list.mock.calls).toEqual([[["m1"]], [["m2"]]]);
  });

  it("rejects every read of a failed batch, and the next batch asks again", async () => {
    const list = vi.fn<(ids: string[]) => Promise<FeedbackListResponse>>().mockRejectedValueOnce(new Error("offline")).mockResolvedValue({ items: [] });
    const loader = createFeedbackBatchLoader(list);
    const results = await Promise.allSettled([loader.load("m1"), loader.load("m2")]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await loader.load("m1")).toBeNull();
    expect(list).toHaveBeenCalledTimes(2);
  });

  it("with the API client, 1,200 reads in one task are three requests of at most 500 ids", async () => {
    const { fetch, requests } = recordingFetch((request) => {
      const ids = new URL(request.url, "http://x").searchParams.get("message_ids")!.split(",");
      return { status: 200, body: { items: ids.filter((id) => id.endsWith("7")).map((id) => vote(id)) } };
    });
    const client = createFeedbackClient({ fetch });
    const loader = createFeedbackBatchLoader((ids) => client.listMessageFeedback(ids));
    const ids = Array.from({ length: 1200 }, (_, index) => `m${index}`);
    const votes = await Promise.all(ids.map((id) => loader.load(id)));
    expect(requests.map((request) => new URL(request.url, "http://x").searchParams.get("message_ids")!.split(",").length)).toEqual([500, 500, 200]);
    expect(votes.filter(Boolean)).toHaveLength(120);
    expect(votes[17]).toEqual(vote("m17"));
    expect(votes[18]).toBeNull();
  });
});
