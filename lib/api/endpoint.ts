// An endpoint's contract: what the route wrapper validates and what the OpenAPI document says.
import type { z } from "zod";

/** Who may call: a signed-in user (session cookie or personal token) of at least a role, an organization API key, or anyone. */
export type EndpointAuth = "member" | "reviewer" | "admin" | "api_key" | "public";

export interface EndpointResponse {
  description: string;
  schema?: z.ZodType;
}

export interface Endpoint<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Auth extends EndpointAuth = EndpointAuth,
> {
  id: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
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

export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends EndpointAuth>(
  endpoint: Endpoint<P, Q, B, A>,
): Endpoint<P, Q, B, A> {
  return endpoint;
}
