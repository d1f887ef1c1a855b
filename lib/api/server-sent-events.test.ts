import { describe, expect, it } from "vitest";
import { formatEvent, readEventData } from "./server-sent-events";

function streamOf(...parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<string[]> {
  const events: string[] = [];
  for await (const data of readEventData(body)) events.push(data);
  return events;
}

describe("readEventData", () => {
  it("yields each event's data in order, however the bytes are split", async () => {
    expect(await collect(streamOf('data: {"a":1}\n\ndata: {"b"', ':2}\n', "\n", "data: [DONE]\n\n"))).toEqual(['{"a":1}', '{"b":2}', "[DONE]"]);
  });

  it("joins multi-line data, reads CRLF line ends, skips comments and other fields", async () => {
    const body = streamOf(": keep-alive\r\n\r\nevent: message\r\nid: 7\r\ndata: first\r\ndata:second\r\nretry: 10\r\n\r\n");
    expect(await collect(body)).toEqual(["first\nsecond"]);
  });

  it("splits a multi-byte character across chunks correctly", async () => {
    const bytes = new TextEncoder().encode("data: café → ok\n\n");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    expect(await collect(body)).toEqual(["café → ok"]);
  });

  it("drops an event the stream ends in the middle of", async () => {
    expect(await collect(streamOf("data: complete\n\ndata: cut off"))).toEqual(["complete"]);
  });

  it("cancels the body when the reader stops early", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("data: one\n\ndata: two\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const data of readEventData(body)) {
      expect(data).toBe("one");
      break;
    }
    expect(cancelled).toBe(true);
  });

  it("formatEvent writes what readEventData reads back", async () => {
    const event = { type: "delta", text: "line one\nline two" };
    expect((await collect(streamOf(formatEvent(event)))).map((data) => JSON.parse(data))).toEqual([event]);
  });
});
