import "server-only";
import type { z } from "zod";
import type { Endpoint } from "@/lib/api/endpoint";
import type { Actor, ApiKeyActor, UserActor } from "@/server/auth/actor";
import { authenticateRequest } from "@/server/auth/authenticate-request";
import { getDb, type Db } from "@/server/db/client";
import { invalidInput } from "@/server/errors";
import { limitWrites } from "@/server/rate-limit/write-limit";
import { errorResponse, jsonResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";
import { validationDetails, type ValidationDetail } from "./validation-details";

type Infer<T> = NonNullable<T> extends z.ZodType ? z.output<NonNullable<T>> : undefined;
type ActorFor<E extends Endpoint> = E["auth"] extends "public" ? null : E["auth"] extends "api_key" ? ApiKeyActor : UserActor;

export interface RouteInput<E extends Endpoint> {
  db: Db;
  actor: ActorFor<E>;
  params: Infer<E["params"]>;
  query: Infer<E["query"]>;
  body: Infer<E["body"]>;
  request: Request;
}

/** What a handler returns: a body for 200, or an explicit status (204 sends no body). */
export type RouteResult = { status: number; body?: unknown; headers?: HeadersInit } | { body: unknown };

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = validationDetails(result.error, where);
    throw invalidInput(details.map((entry) => entry.message).join("; "), "validation_error", details);
  }
  return result.data;
}

/** Every query parameter is a single value (lists are comma-separated): a repeated one is refused, not half read. */
function queryObject(url: URL): Record<string, string> {
  // No prototype: parameter names such as "constructor" or "__proto__" are plain keys here.
  const query: Record<string, string> = Object.create(null);
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(query, key)) {
      const message = `query.${key}: must be given once (a list is one comma-separated value)`;
      const details: ValidationDetail[] = [{ location: "query", path: key, message }];
      throw invalidInput(message, "validation_error", details);
    }
    query[key] = value;
  }
  return query;
}

/**
 * The one route wrapper: authenticates, validates params/query/body against the endpoint's zod
 * schemas, runs the handler and maps every error to a status and `{"detail": ...}`.
 */
export function defineRoute<E extends Endpoint>(endpoint: E, handler: (input: RouteInput<E>) => Promise<RouteResult>) {
  return async function route(request: Request, context: NextRouteContext): Promise<Response> {
    try {
      const actor: Actor | null = await authenticateRequest(request, endpoint.auth);
      await limitWrites(request, actor);
      const params = endpoint.params ? parse(endpoint.params, await context.params, "path") : undefined;
      const query = endpoint.query ? parse(endpoint.query, queryObject(new URL(request.url)), "query") : undefined;
      const body = endpoint.body ? parse(endpoint.body, await readJsonBody(request, endpoint.maxBodyBytes), "body") : undefined;
      const result = await handler({
        db: getDb(),
        actor: actor as ActorFor<E>,
        params: params as Infer<E["params"]>,
        query: query as Infer<E["query"]>,
        body: body as Infer<E["body"]>,
        request,
      });
      const status = "status" in result ? result.status : 200;
      if (status === 204) return new Response(null, { status, headers: "headers" in result ? result.headers : undefined });
      return jsonResponse(result.body ?? null, status, "headers" in result ? result.headers : undefined);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
