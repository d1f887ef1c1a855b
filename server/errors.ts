import "server-only";
import { statusOf, type CodeWithStatus, type ErrorCode } from "@/lib/api/error-codes";

export type { ErrorCode } from "@/lib/api/error-codes";

/**
 * Typed errors thrown by services. They know nothing of HTTP: the code is one of the API's error
 * codes (lib/api/error-codes.ts), whose table gives the status the route wrapper answers with.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field problems of a validation error. */
    readonly details?: ReadonlyArray<{ location: string; path: string; message: string }>,
  ) {
    super(message);
    this.name = "DomainError";
  }

  get status(): number {
    return statusOf(this.code);
  }
}

export const invalidInput = (message: string, code: CodeWithStatus<400> = "validation_error", details?: DomainError["details"]) =>
  new DomainError(code, message, details);
export const unauthenticated = (message = "Authentication required") => new DomainError("unauthenticated", message);
export const forbidden = (message = "You are not allowed to do this", code: CodeWithStatus<403> = "forbidden") => new DomainError(code, message);
export const notFound = (message: string) => new DomainError("not_found", message);
export const conflict = (message: string, code: CodeWithStatus<409>) => new DomainError(code, message);

/** A rate limit was reached; the caller may try again after retryAfterSeconds. */
export class RateLimitError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message);
  }
}

export const rateLimited = (message: string, retryAfterSeconds: number) => new RateLimitError(message, retryAfterSeconds);
