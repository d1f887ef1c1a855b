import "server-only";
import type { Endpoint } from "@/lib/api/endpoint";
import type { Actor } from "@/server/auth/actor";
import { requestHost } from "@/server/auth/authenticate-request";
import { getDb } from "@/server/db/database";
import { forbidden } from "@/server/errors";
import { originGrants } from "@/server/settings/allowed-origins";
import { errorResponse } from "./error-response";

// CORS for the origins organizations allow (settings → allowed origins); see docs/security.md.
// Never `Access-Control-Allow-Credentials`: cross-origin callers authenticate with bearer tokens,
// and a browser does not let a page read a response to a request that carried our cookies.

/** How long a browser may reuse a preflight's answer; also how long a removed origin can keep sending. */
export const CORS_MAX_AGE_SECONDS = 600;
export const CORS_ALLOWED_HEADERS = "Authorization, Content-Type";
/** Response headers a cross-origin page may read besides the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = "Retry-After, WWW-Authenticate";

/** The request's `Origin` when it is another origin than the app's own (same-origin calls need no CORS). */
function foreignOrigin(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (!origin) return null;
  const host = requestHost(request);
  const scheme = origin.indexOf("://");
  return scheme > 0 && origin.slice(scheme + 3) === host ? null : origin;
}

/**
 * Adds the CORS headers to a route's answer. A caller we know (a token's organization) must be of
 * an organization that allows the origin; an answer before we know one (401, public endpoints)
 * needs some organization to allow it, so a kit can see the 401 that tells it to refresh its token.
 */
export async function withCorsHeaders(request: Request, response: Response, actor: Actor | null): Promise<Response> {
  // Caches must keep answers to different origins apart, also the ones without CORS headers.
  response.headers.append("vary", "Origin");
  const origin = foreignOrigin(request);
  // Signed in by our cookie: that answer is never for another origin, whatever the settings say.
  if (!origin || (actor?.kind === "user" && actor.credential.kind === "session")) return response;
  const organizations = (await originGrants(getDb())).get(origin);
  const allowed = organizations !== undefined && (actor === null || organizations.has(actor.organizationId));
  if (allowed) {
    response.headers.set("access-control-allow-origin", origin);
    response.headers.set("access-control-expose-headers", CORS_EXPOSED_HEADERS);
  }
  return response;
}

/**
 * The `OPTIONS` handler of a route serving these endpoints. A preflight carries no credentials, so
 * it is allowed when any organization allows the origin; the actual request then needs a bearer
 * token of an organization that does. A preflight from any other origin gets a 403 without CORS
 * headers, which the browser refuses (the page's fetch fails).
 */
export function corsPreflight(...endpoints: Endpoint[]) {
  const methods = [...[...new Set(endpoints.map((endpoint) => endpoint.method))].sort(), "OPTIONS"].join(", ");
  return async function OPTIONS(request: Request): Promise<Response> {
    const headers = new Headers({ allow: methods, vary: "Origin" });
    const origin = foreignOrigin(request);
    if (!origin || !request.headers.has("access-control-request-method")) return new Response(null, { status: 204, headers });
    if (!(await originGrants(getDb())).has(origin)) {
      const refused = errorResponse(forbidden(`Origin ${origin} is not allowed: an admin can add it to the allowed origins in the settings`, "cross_site_request"));
      for (const [name, value] of headers) refused.headers.set(name, value);
      return refused;
    }
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-allow-methods", methods);
    headers.set("access-control-allow-headers", CORS_ALLOWED_HEADERS);
    headers.set("access-control-max-age", String(CORS_MAX_AGE_SECONDS));
    return new Response(null, { status: 204, headers });
  };
}
