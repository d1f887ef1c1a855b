import "server-only";
import { invalidInput } from "@/server/errors";

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body, rejecting empty, oversized and malformed bodies with a 400. The body
 * is read as a stream and reading stops at the limit, so a huge body without Content-Length (a
 * chunked upload) costs no more memory than an accepted one.
 */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > maxBytes) throw tooLarge(maxBytes);
  const raw = await readText(request, maxBytes);
  if (raw.trim() === "") throw invalidInput("Request body is required: send a JSON object", "body_required");
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw invalidInput(`Malformed JSON body: ${(error as Error).message}`, "malformed_json");
  }
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stops the upload: the rest is never buffered.
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

function tooLarge(maxBytes: number) {
  return invalidInput(`Request body is larger than ${maxBytes} bytes`, "body_too_large");
}
