import "server-only";
import { randomUUID } from "node:crypto";
import type { ErrorResponse } from "@/lib/api/error-codes";
import { DomainError, RateLimitError } from "@/server/errors";

/** A JSON response. */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** The one mapping from errors to HTTP responses. Anything unexpected is a logged, generic 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const body: ErrorResponse = { detail: error.message, code: error.code };
    if (error.details !== undefined) body.errors = [...error.details];
    const headers: HeadersInit | undefined =
      error.code === "unauthenticated"
        ? { "www-authenticate": 'Bearer realm="feedback-kit"' }
        : error instanceof RateLimitError
          ? { "retry-after": String(error.retryAfterSeconds) }
          : undefined;
    return jsonResponse(body, error.status, headers);
  }
  const requestId = randomUUID();
  console.error(`[request ${requestId}] unexpected error`, error);
  return jsonResponse({ detail: "Internal server error", code: "internal_error", request_id: requestId } satisfies ErrorResponse, 500);
}
