// The API's error codes: one table from a stable machine-readable `code` to its HTTP status. The
// services throw DomainErrors with these codes, endpoint contracts declare the codes they can
// answer with, the route wrapper maps them, and the OpenAPI document lists them per status.
// Safe in the browser: clients match on `code`.
import { z } from "zod";

export const ERROR_CODES = {
  // 400: the request itself is wrong; nothing was changed.
  validation_error: { status: 400, description: "A parameter or body field is invalid (see `errors`)" },
  malformed_json: { status: 400, description: "The body is not valid JSON" },
  body_required: { status: 400, description: "The endpoint needs a JSON body" },
  body_too_large: { status: 400, description: "The body is larger than the endpoint accepts" },
  reason_required: { status: 400, description: "The organization requires a reason for this feedback type" },
  reason_too_long: { status: 400, description: "The reason is longer than the organization allows" },
  unknown_reason_option: { status: 400, description: "A reason key is not one of the organization's options for this type" },
  message_not_rateable: { status: 400, description: "Only assistant messages can be rated" },
  golden_response_required: { status: 400, description: "Resolving negative feedback needs the corrected answer" },
  // 401: who is calling is unknown.
  unauthenticated: { status: 401, description: "No valid session or bearer token" },
  // 403: the caller is known but may not do this.
  forbidden: { status: 403, description: "The caller's role is too low for this endpoint" },
  api_key_not_allowed: { status: 403, description: "An organization API key cannot call user endpoints" },
  missing_scope: { status: 403, description: "The organization API key lacks the scope this endpoint needs (detail names it)" },
  feedback_token_not_allowed: { status: 403, description: "A feedback token can only call the user feedback endpoints" },
  cross_site_request: { status: 403, description: "A cookie-authenticated write came from another site" },
  feedback_disabled: { status: 403, description: "The organization turned feedback off" },
  not_conversation_owner: { status: 403, description: "Only the conversation's owner can add messages to it (reviewers may read it)" },
  // 404: unknown, or not visible to the caller (the same answer, so nothing leaks).
  not_found: { status: 404, description: "Unknown or not visible to the caller" },
  unknown_user: { status: 404, description: "No member of the API key's organization has this email or id" },
  // 409: the state does not allow it right now.
  concurrent_write: { status: 409, description: "Concurrent requests changed the same data; retry" },
  conversation_external_id_conflict: { status: 409, description: "The conversation external_id belongs to another user" },
  message_external_id_conflict: { status: 409, description: "A message external_id belongs to another conversation" },
  transition_not_allowed: { status: 409, description: "The item's current state does not allow this action (detail says the state, who set it and when)" },
  item_changed: { status: 409, description: "The item changed since the reviewer loaded it (detail says how, who and when)" },
  // 429: too many writes (per user, personal token or API key) or sign-in attempts (per IP).
  rate_limited: { status: 429, description: "Too many requests; try again after the Retry-After header's seconds" },
  conversation_changed: { status: 409, description: "The conversation got another message first; the one sent to follow its previous last message was not stored" },
  nothing_to_answer: { status: 409, description: "The conversation does not end with a user message to answer" },
  // 500: a bug or an outage; details only in the server log.
  internal_error: { status: 500, description: "Unexpected error (generic message; details only in the server log)" },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorCodeSchema = z
  .enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]])
  .describe("Stable machine-readable error code")
  .meta({ id: "ErrorCode" });

/** Codes whose status is S, e.g. `CodeWithStatus<400>` for the invalid-input codes. */
export type CodeWithStatus<S extends number> = { [C in ErrorCode]: (typeof ERROR_CODES)[C]["status"] extends S ? C : never }[ErrorCode];

export const statusOf = (code: ErrorCode): number => ERROR_CODES[code].status;

export const ErrorResponseSchema = z
  .object({
    detail: z.string().describe("Human-readable message"),
    code: ErrorCodeSchema,
    errors: z
      .array(z.object({ location: z.string(), path: z.string(), message: z.string() }))
      .optional()
      .describe("Per-field validation problems (validation_error only)"),
    request_id: z.string().optional().describe("Quote it when reporting a 500; the server log has the details"),
  })
  .meta({ id: "Error" });

export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
