// An endpoint's contract: what the route wrapper validates and what the OpenAPI document says.
import type { z } from "zod";

/** Who may call: a signed-in user (session cookie or personal token) of at least a role, an organization API key, or anyone. */
export type EndpointAuth = "member" | "reviewer" | "admin" | "api_key" | "public";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface EndpointResponse {
  description: string;
  schema?: z.ZodType;
}

export interface Endpoint<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Auth extends EndpointAuth = EndpointAuth,
  Path extends string = string,
  Method extends HttpMethod = HttpMethod,
> {
  id: string;
  method: Method;
  /** Kept as its literal type, so a browser client can check its path strings against the contract. */
  path: Path;
  tag: string;
  summary: string;
  description?: string;
  auth: Auth;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Largest accepted request body; 64 KiB unless the endpoint needs more (e.g. message ingestion). */
  maxBodyBytes?: number;
  responses: Record<number, EndpointResponse>;
  /** Error statuses this endpoint can answer with (each with the Error body). */
  errors: number[];
}

export function defineEndpoint<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  A extends EndpointAuth,
  Path extends string,
  Method extends HttpMethod,
>(endpoint: Endpoint<P, Q, B, A, Path, Method>): Endpoint<P, Q, B, A, Path, Method> {
  return endpoint;
}
