import { afterEach, describe, expect, it, vi } from "vitest";
import { readEventData } from "@/lib/api/server-sent-events";
import { eventStreamResponse } from "./event-stream";

afterEach(() => vi.restoreAllMocks());

describe("eventStreamResponse", () => {
  it("sends each event as a data line, as it is produced", async () => {
    const response = eventStreamResponse(async function* () {
      yield { type: "delta", text: "a" };
      yield { type: "delta", text: "b\nc" };
    }, new Request("http://localhost/x"));
    expect({ status: response.status, type: response.headers.get("content-type"), buffering: response.headers.get("x-accel-buffering") }).toEqual({
      status: 200,
      type: "text/event-stream; charset=utf-8",
      buffering: "no",
    });
    const events: unknown[] = [];
    for await (const data of readEventData(response.body!)) events.push(JSON.parse(data));
    expect(events).toEqual([{ type: "delta", text: "a" }, { type: "delta", text: "b\nc" }]);
  });

  it("aborts the producer's signal and stops quietly when the client cancels mid-event", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    let signal: AbortSignal | undefined;
    let finished = false;
    const response = eventStreamResponse(async function* (stop) {
      signal = stop;
      try {
        yield 1;
        // Still producing when the client goes away.
        await new Promise((resolve) => setTimeout(resolve, 50));
        yield 2;
      } finally {
        finished = true;
      }
    }, new Request("http://localhost/x"));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(signal?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(finished).toBe(true);
    expect(errors).not.toHaveBeenCalled();
  });

  it("aborts the producer's signal when the request is aborted", async () => {
    const client = new AbortController();
    let signal: AbortSignal | undefined;
    const response = eventStreamResponse(async function* (stop) {
      signal = stop;
      yield 1;
    }, new Request("http://localhost/x", { signal: client.signal }));
    await response.body!.getReader().read();
    client.abort();
    expect(signal?.aborted).toBe(true);
  });
});
