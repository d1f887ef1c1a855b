import "server-only";
import { invalidInput } from "@/server/errors";

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON request body, rejecting empty, oversized and malformed bodies with a 400. */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > maxBytes) throw tooLarge(maxBytes);
  const raw = await request.text();
  if (Buffer.byteLength(raw) > maxBytes) throw tooLarge(maxBytes);
  if (raw.trim() === "") throw invalidInput("Request body is required: send a JSON object", "body_required");
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw invalidInput(`Malformed JSON body: ${(error as Error).message}`, "malformed_json");
  }
}

function tooLarge(maxBytes: number) {
  return invalidInput(`Request body is larger than ${maxBytes} bytes`, "body_too_large");
}
