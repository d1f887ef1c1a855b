import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/errors";
import { readJsonBody } from "./read-json-body";

/** A chunked upload (no Content-Length) of `total` bytes that counts how much of it was pulled. */
function countingUpload(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(chunk, total - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  const request = new Request("http://localhost/api/test", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, state };
}

describe("readJsonBody", () => {
  it("stops reading a body without Content-Length at the limit", async () => {
    const { request, state } = countingUpload(400 * 1024 * 1024);
    await expect(readJsonBody(request, 64 * 1024)).rejects.toEqual(new DomainError("body_too_large", "Request body is larger than 65536 bytes"));
    // At most a chunk past the limit was read, not the 400 MB upload.
    expect(state.pulled).toBeLessThanOrEqual(2 * 64 * 1024 + 1);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://localhost/api/test", { method: "POST", body: "{}", headers: { "content-length": "70000" } });
    await expect(readJsonBody(request, 64 * 1024)).rejects.toMatchObject({ code: "body_too_large" });
  });

  it("reads a JSON body split over several chunks, multi-byte characters included", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ reason: "Très bien 👍".repeat(2000) }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let start = 0; start < bytes.length; start += 1000) controller.enqueue(bytes.slice(start, start + 1000));
        controller.close();
      },
    });
    const request = new Request("http://localhost/api/test", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readJsonBody(request)).toEqual({ reason: "Très bien 👍".repeat(2000) });
  });

  it("answers an empty body and malformed JSON with their own codes", async () => {
    const post = (body: string) => new Request("http://localhost/api/test", { method: "POST", body });
    await expect(readJsonBody(post("  "))).rejects.toMatchObject({ code: "body_required" });
    await expect(readJsonBody(post("{"))).rejects.toMatchObject({ code: "malformed_json" });
  });
});
