import "server-only";
import { randomUUID } from "node:crypto";
import { DomainError, RateLimitError, type ErrorKind } from "@/server/errors";
import { SerializedJson } from "@/server/serialized-json";

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export interface ErrorBody {
  detail: string;
  code: string;
  errors?: unknown;
  request_id?: string;
}

/** A JSON response; a SerializedJson body goes out as the bytes it already is. */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(body instanceof SerializedJson ? body.bytes : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** The one mapping from errors to HTTP responses. Anything unexpected is a logged, generic 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const body: ErrorBody = { detail: error.message, code: error.code };
    if (error.details !== undefined) body.errors = error.details;
    const headers: HeadersInit | undefined =
      error.kind === "unauthenticated"
        ? { "www-authenticate": 'Bearer realm="feedback-kit"' }
        : error instanceof RateLimitError
          ? { "retry-after": String(error.retryAfterSeconds) }
          : undefined;
    return jsonResponse(body, STATUS_BY_KIND[error.kind], headers);
  }
  const requestId = randomUUID();
  console.error(`[request ${requestId}] unexpected error`, error);
  return jsonResponse(
    { detail: "Internal server error", code: "internal_error", request_id: requestId } satisfies ErrorBody,
    500,
  );
}
