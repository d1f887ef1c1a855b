import type { ErrorCode, ErrorResponse } from "./error-codes";

/** The server's error codes, and the client's own for a request that got no API answer. */
export type FeedbackApiErrorCode = ErrorCode | "network_error" | "invalid_response" | `http_${number}`;

/** What the client reads of an error body (its code, from a newer server, may be one it does not know). */
type ErrorBody = Partial<Omit<ErrorResponse, "code">> & { code?: FeedbackApiErrorCode };

/** Statuses worth trying again unchanged: the request may succeed a moment later. */
const RETRYABLE_STATUSES = new Set([0, 408, 409, 425, 429, 500, 502, 503, 504]);

/**
 * A failed Feedback Kit API call: the server's `{"detail", "code"}` body, or a network failure
 * (status 0, code "network_error"). `retryable` says whether sending the same request again can help.
 */
export class FeedbackApiError extends Error {
  readonly status: number;
  readonly code: FeedbackApiErrorCode;
  readonly detail: string;
  /** Per-field validation problems of a 400 `validation_error`. */
  readonly errors?: unknown;
  readonly requestId?: string;

  constructor(status: number, body: ErrorBody, options?: { cause?: unknown }) {
    const detail = body.detail ?? `Request failed with status ${status}`;
    super(detail, options);
    this.name = "FeedbackApiError";
    this.status = status;
    this.code = body.code ?? (status === 0 ? "network_error" : `http_${status}`);
    this.detail = detail;
    this.errors = body.errors;
    this.requestId = body.request_id;
  }

  get retryable(): boolean {
    // A 409 is worth repeating only when concurrent requests changed the same data.
    if (this.status === 409) return this.code === "concurrent_write";
    return RETRYABLE_STATUSES.has(this.status);
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === "object" && body !== null && typeof (body as { detail?: unknown }).detail === "string";
}

/** The typed error for a non-2xx response; a body that is not the API's error shape keeps only the status. */
export function errorFromResponse(status: number, body: unknown): FeedbackApiError {
  return new FeedbackApiError(status, isErrorBody(body) ? body : {});
}
