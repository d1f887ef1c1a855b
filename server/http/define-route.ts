import "server-only";
import type { z } from "zod";
import { errorCodesOf, type Endpoint, type EndpointResponse } from "@/lib/api/endpoint";
import type { ErrorCode } from "@/lib/api/error-codes";
import type { Actor, ApiKeyActor, UserActor } from "@/server/auth/actor";
import { authenticateRequest } from "@/server/auth/authenticate-request";
import { getDb, type Db } from "@/server/db/database";
import { DomainError, invalidInput } from "@/server/errors";
import { limitWrites } from "@/server/rate-limit/write-limit";
import { withCorsHeaders } from "./cors";
import { errorResponse, jsonResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";
import { validationDetails } from "./validation-details";

type Infer<T> = NonNullable<T> extends z.ZodType ? z.output<NonNullable<T>> : undefined;
/** A user endpoint that takes an API key with a scope gets either kind of actor. */
type ActorFor<E extends Endpoint> = E["auth"] extends "public"
  ? null
  : E["auth"] extends "api_key"
    ? ApiKeyActor
    : [NonNullable<E["apiKeyScope"]>] extends [never]
      ? UserActor
      : UserActor | ApiKeyActor;

export interface RouteInput<E extends Endpoint> {
  db: Db;
  actor: ActorFor<E>;
  params: Infer<E["params"]>;
  query: Infer<E["query"]>;
  body: Infer<E["body"]>;
  request: Request;
}

type StatusOf<E extends Endpoint> = keyof E["responses"] & number;
type BodyOf<R> = R extends { schema: z.ZodType } ? z.input<R["schema"]> : never;

/** One of the endpoint's declared responses, its body typed by that response's schema (none for a 204). */
type DeclaredResult<E extends Endpoint> = {
  [S in StatusOf<E>]: E["responses"][S] extends { schema: z.ZodType }
    ? { status: S; body: BodyOf<E["responses"][S]>; headers?: HeadersInit }
    : { status: S; headers?: HeadersInit };
}[StatusOf<E>];

/**
 * What a handler returns: a declared status with its body, `{ body }` for a 200, or a Response
 * of its own where the endpoint declares a non-JSON response (e.g. a streamed export).
 */
export type RouteResult<E extends Endpoint> =
  | DeclaredResult<E>
  | (200 extends StatusOf<E> ? { body: BodyOf<E["responses"][200]>; headers?: HeadersInit } : never)
  | (E["responses"][StatusOf<E>] extends infer R ? (R extends { contentType: readonly string[] } ? Response : never) : never);

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

/** Contracts are checked against what handlers send in development and tests; production trusts them. */
const CHECK_CONTRACTS = process.env.NODE_ENV !== "production";

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
      throw invalidInput(message, "validation_error", [{ location: "query", path: key, message }]);
    }
    query[key] = value;
  }
  return query;
}

/** A handler's result as a Response, checked against the endpoint's declared responses outside production. */
function toResponse(endpoint: Endpoint, result: RouteResult<Endpoint>): Response {
  if (result instanceof Response) return result;
  const status = "status" in result ? result.status : 200;
  const declared: EndpointResponse | undefined = endpoint.responses[status];
  if (CHECK_CONTRACTS) {
    if (!declared) throw new Error(`${endpoint.id} answered ${status}, which its contract does not declare`);
    if (declared.schema) {
      const checked = declared.schema.safeParse("body" in result ? result.body : undefined);
      if (!checked.success) throw new Error(`${endpoint.id} answered ${status} with a body its contract does not allow: ${checked.error.message}`);
    }
  }
  if (status === 204) return new Response(null, { status, headers: result.headers });
  return jsonResponse("body" in result ? result.body : null, status, result.headers);
}

/**
 * The one route wrapper: authenticates, validates params/query/body against the endpoint's zod
 * schemas, runs the handler and maps every error to a status and `{"detail", "code"}`. An error
 * code the contract does not declare is a bug in the contract: outside production it is answered
 * as a 500 so the tests that reach it fail.
 */
export function defineRoute<E extends Endpoint, const R extends RouteResult<E>>(endpoint: E, handler: (input: RouteInput<E>) => Promise<R>) {
  const declaredCodes: ReadonlySet<ErrorCode> = new Set(errorCodesOf(endpoint));
  function failure(error: unknown): Response {
    if (error instanceof DomainError && !declaredCodes.has(error.code)) {
      console.error(`[contract] ${endpoint.id} answered "${error.code}", which its contract does not declare`);
      if (CHECK_CONTRACTS) return errorResponse(new Error(`undeclared error code ${error.code}`));
    }
    return errorResponse(error);
  }
  return async function route(request: Request, context: NextRouteContext): Promise<Response> {
    // The answer's CORS headers depend on the caller's organization, once it is known.
    let actor: Actor | null = null;
    let response: Response;
    try {
      actor = await authenticateRequest(request, endpoint);
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
      response = toResponse(endpoint, result as RouteResult<Endpoint>);
    } catch (error) {
      response = failure(error);
    }
    return withCorsHeaders(request, response, actor);
  };
}
