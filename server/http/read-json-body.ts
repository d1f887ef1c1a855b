import "server-only";
import { invalidInput } from "@/server/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON request body, rejecting empty, oversized and malformed bodies with a 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_BODY_BYTES) throw tooLarge();
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw tooLarge();
  if (raw.trim() === "") throw invalidInput("Request body is required: send a JSON object", "body_required");
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw invalidInput(`Malformed JSON body: ${(error as Error).message}`, "malformed_json");
  }
}

function tooLarge() {
  return invalidInput(`Request body is larger than ${MAX_BODY_BYTES} bytes`, "body_too_large");
}
