// Reads a text/event-stream body: the chat client reads the app's answer stream with it, the
// server the OpenAI-compatible responder's. Safe in the browser and in Node.

/**
 * The `data` of every event in the stream, in order (several `data:` lines of one event joined with
 * "\n"). Comments, `event:`, `id:` and `retry:` fields are skipped; an event the stream ends in the
 * middle of is dropped, as the EventSource specification says. Lines end with LF or CRLF.
 */
export async function* readEventData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      // `stream: true` keeps a character split across two chunks for the next one.
      buffer += decoder.decode(value, { stream: true });
      for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
        const line = buffer.slice(0, buffer[newline - 1] === "\r" ? newline - 1 : newline);
        buffer = buffer.slice(newline + 1);
        if (line === "") {
          if (data.length > 0) yield data.join("\n");
          data = [];
        } else if (line === "data" || line.startsWith("data:")) {
          const value = line.slice(5);
          data.push(value.startsWith(" ") ? value.slice(1) : value);
        }
      }
    }
  } finally {
    // The reader stopped early (an error, or the consumer left): stop the download too.
    await reader.cancel().catch(() => {});
  }
}

/** One event as a text/event-stream line pair: `data: <json>` and the blank line that ends it. */
export function formatEvent(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}
