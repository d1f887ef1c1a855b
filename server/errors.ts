import "server-only";

/**
 * Typed errors thrown by services. They know nothing of HTTP: server/http/error-response.ts maps
 * each kind to a status code and the `{"detail": ...}` body.
 */
export type ErrorKind = "invalid_input" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited";

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Stable machine-readable code, e.g. "reason_required". */
    readonly code: string = kind,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const invalidInput = (message: string, code = "invalid_input", details?: unknown) =>
  new DomainError("invalid_input", message, code, details);
export const unauthenticated = (message = "Authentication required") => new DomainError("unauthenticated", message);
export const forbidden = (message = "You are not allowed to do this") => new DomainError("forbidden", message);
export const notFound = (message: string) => new DomainError("not_found", message);
export const conflict = (message: string, code = "conflict") => new DomainError("conflict", message, code);

/** A rate limit was reached; the caller may try again after retryAfterSeconds. */
export class RateLimitError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message, "rate_limited");
  }
}

export const rateLimited = (message: string, retryAfterSeconds: number) => new RateLimitError(message, retryAfterSeconds);
