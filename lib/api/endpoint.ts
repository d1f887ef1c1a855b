// An endpoint's contract: what the route wrapper validates, what its handler may return, which
// errors it can answer with, and what the OpenAPI document says.
import type { z } from "zod";
import type { ApiKeyScope } from "./api-key-scopes";
import { ERROR_CODES, type ErrorCode } from "./error-codes";

/** Who may call: a signed-in user (session cookie or personal token) of at least a role, an organization API key, or anyone. */
export type EndpointAuth = "member" | "reviewer" | "admin" | "api_key" | "public";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface EndpointResponse {
  description: string;
  /** The body; none for 204. */
  schema?: z.ZodType;
  /** Media types other than JSON (e.g. a streamed export); the handler returns a Response. */
  contentType?: readonly string[];
}

export interface Endpoint<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Auth extends EndpointAuth = EndpointAuth,
  Responses extends Record<number, EndpointResponse> = Record<number, EndpointResponse>,
  Path extends string = string,
  Method extends HttpMethod = HttpMethod,
  Scope extends ApiKeyScope | undefined = ApiKeyScope | undefined,
> {
  id: string;
  method: Method;
  /** Kept as its literal type, so a browser client can check its path strings against the contract. */
  path: Path;
  tag: string;
  summary: string;
  description?: string;
  auth: Auth;
  /**
   * The scope an organization API key needs. Required with `auth: "api_key"`; on a user endpoint it
   * lets a key with that scope call it too, for the whole organization (the handler then gets an
   * ApiKeyActor or a UserActor). A key without the scope is refused with 403 `missing_scope`.
   */
  apiKeyScope?: Scope;
  /**
   * A user endpoint a feedback token may call (as its user, at member level, limited to its
   * conversation when it names one). Every other endpoint refuses feedback tokens with 403.
   */
  feedbackToken?: true;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Largest accepted request body; 64 KiB unless the endpoint needs more (e.g. message ingestion). */
  maxBodyBytes?: number;
  responses: Responses;
  /**
   * The error codes the endpoint's own work can answer with. Those that follow from its auth mode
   * and its inputs are added by errorCodesOf; the route wrapper refuses to send any other.
   */
  errors?: readonly ErrorCode[];
}

export function defineEndpoint<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  A extends EndpointAuth,
  R extends Record<number, EndpointResponse>,
  Path extends string,
  Method extends HttpMethod,
  S extends ApiKeyScope | undefined = undefined,
>(endpoint: Endpoint<P, Q, B, A, R, Path, Method, S>): Endpoint<P, Q, B, A, R, Path, Method, S> {
  if (endpoint.auth === "api_key" && !endpoint.apiKeyScope) throw new Error(`${endpoint.id}: an api_key endpoint must name its apiKeyScope`);
  return endpoint;
}

const WRITE_METHODS: ReadonlySet<HttpMethod> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The codes authentication can answer with, by auth mode and method. */
function authCodes(endpoint: Endpoint): ErrorCode[] {
  switch (endpoint.auth) {
    case "public":
      return [];
    case "api_key":
      return ["unauthenticated", "missing_scope"];
    default:
      return [
        "unauthenticated",
        // An API key is refused for lack of the endpoint's scope, or because user endpoints take none.
        endpoint.apiKeyScope ? "missing_scope" : "api_key_not_allowed",
        ...(endpoint.feedbackToken ? [] : (["feedback_token_not_allowed"] as const)),
        // Every signed-in user is at least a member, so only a higher minimum can be refused by role.
        ...(endpoint.auth === "member" ? [] : (["forbidden"] as const)),
        ...(WRITE_METHODS.has(endpoint.method) ? (["cross_site_request"] as const) : []),
      ];
  }
}

/** Every error code an endpoint can answer with, ordered by status, then as the table lists them. */
export function errorCodesOf(endpoint: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>([
    ...authCodes(endpoint),
    // Writes count against the caller's rate limit (server/rate-limit/write-limit.ts).
    ...(endpoint.auth !== "public" && WRITE_METHODS.has(endpoint.method) ? (["rate_limited"] as const) : []),
    ...(endpoint.params || endpoint.query || endpoint.body ? (["validation_error"] as const) : []),
    ...(endpoint.body ? (["malformed_json", "body_required", "body_too_large"] as const) : []),
    ...(endpoint.errors ?? []),
    "internal_error",
  ]);
  const order = Object.keys(ERROR_CODES) as ErrorCode[];
  return [...codes].sort((a, b) => ERROR_CODES[a].status - ERROR_CODES[b].status || order.indexOf(a) - order.indexOf(b));
}
