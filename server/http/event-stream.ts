import "server-only";
import { formatEvent } from "@/lib/api/server-sent-events";

/**
 * A text/event-stream response that sends each event of `events` as one `data:` line as soon as it
 * is produced. When the client goes away (the body is cancelled or the request aborted), the signal
 * handed to `events` aborts, so the work behind the stream stops.
 */
export function eventStreamResponse(events: (signal: AbortSignal) => AsyncIterable<unknown>, request: Request): Response {
  const stop = new AbortController();
  // Once the client has left, nothing more is written: the stream may be closed under us.
  let clientGone = false;
  const clientLeft = () => {
    clientGone = true;
    stop.abort(new Error("The client closed the connection"));
  };
  request.signal.addEventListener("abort", clientLeft, { once: true });
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<unknown> | undefined;

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= events(stop.signal)[Symbol.asyncIterator]();
      try {
        const next = await iterator.next();
        if (clientGone) return;
        if (next.done) {
          request.signal.removeEventListener("abort", clientLeft);
          controller.close();
        } else {
          controller.enqueue(encoder.encode(formatEvent(next.value)));
        }
      } catch (error) {
        if (clientGone) return;
        // Producers end with an error event of their own; this is for bugs, which the log must show.
        console.error("[event-stream] the stream failed", error);
        controller.error(error);
      }
    },
    cancel() {
      clientLeft();
      void iterator?.return?.()?.catch(() => {});
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // Proxies (nginx) must pass each event on at once instead of buffering the answer.
      "x-accel-buffering": "no",
    },
  });
}
