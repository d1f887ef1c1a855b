import type { ErrorResponse } from "./schemas";

/** Statuses worth trying again unchanged: the request may succeed a moment later. */
const RETRYABLE_STATUSES = new Set([0, 408, 409, 425, 429, 500, 502, 503, 504]);

/**
 * A failed Feedback Kit API call: the server's `{"detail", "code"}` body, or a network failure
 * (status 0, code "network_error"). `retryable` says whether sending the same request again can help.
 */
export class FeedbackApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  /** Per-field validation problems of a 400 `validation_error`. */
  readonly errors?: unknown;
  readonly requestId?: string;

  constructor(status: number, body: Partial<ErrorResponse>, options?: { cause?: unknown }) {
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
    // 409 is retryable only for a vote that another request was changing at the same moment.
    if (this.status === 409) return this.code === "concurrent_vote_change";
    return RETRYABLE_STATUSES.has(this.status);
  }
}

function isErrorBody(body: unknown): body is Partial<ErrorResponse> {
  return typeof body === "object" && body !== null && typeof (body as { detail?: unknown }).detail === "string";
}

/** The typed error for a non-2xx response; a body that is not the API's error shape keeps only the status. */
export function errorFromResponse(status: number, body: unknown): FeedbackApiError {
  return new FeedbackApiError(status, isErrorBody(body) ? body : {});
}
