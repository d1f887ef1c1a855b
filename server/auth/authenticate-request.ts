import "server-only";
import type { ApiKeyScope } from "@/lib/api/api-key-scopes";
import type { Endpoint } from "@/lib/api/endpoint";
import { getDb } from "@/server/db/database";
import { forbidden, unauthenticated } from "@/server/errors";
import { hasRole, type Actor, type ApiKeyActor } from "./actor";
import { API_KEY_PREFIX, verifyApiKey } from "./api-keys";
import { sessionCookieName } from "./auth-secret";
import { actorFromSessionToken } from "./current-actor";
import { looksLikeFeedbackToken, verifyFeedbackToken } from "./feedback-tokens";
import { PERSONAL_ACCESS_TOKEN_PREFIX, verifyPersonalAccessToken } from "./personal-access-tokens";

/** What an endpoint contract says about who may call it. */
export type AuthRequirement = Pick<Endpoint, "auth" | "apiKeyScope" | "feedbackToken">;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Malformed Authorization header: expected "Bearer <token>"');
  return match[1];
}

/** A value that is not valid percent-encoding cannot be one of our tokens: it is read as it is, and refused as a token (not a 500). */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) return decodeCookieValue(part.slice(separator + 1).trim());
  }
  return undefined;
}

/** The host the client addressed (behind a proxy, the one it forwarded): what an `Origin` of our own pages names. */
export function requestHost(request: Request): string {
  return request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
}

/**
 * Cookie-authenticated writes must come from our own pages: browsers send Origin (and
 * Sec-Fetch-Site) on cross-site requests, and those are refused. SameSite=Lax cookies are the
 * first line of defence; this is the second.
 */
function assertSameOrigin(request: Request): void {
  if (request.headers.get("sec-fetch-site") === "cross-site") throw forbidden("Cross-site request refused", "cross_site_request");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = requestHost(request);
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden("Cross-site request refused", "cross_site_request");
  }
  if (originHost !== host) throw forbidden("Cross-site request refused", "cross_site_request");
}

async function apiKeyWithScope(token: string, scope: ApiKeyScope | undefined): Promise<ApiKeyActor> {
  const actor = await verifyApiKey(getDb(), token);
  if (!actor) throw unauthenticated("Invalid or revoked API key");
  if (!scope || !actor.scopes.includes(scope)) throw forbidden(`This API key lacks the "${scope ?? "?"}" scope this endpoint needs`, "missing_scope");
  return actor;
}

/** A bearer token on a user endpoint: a personal access token, a feedback token, or an API key the endpoint takes. */
async function authenticateBearer(token: string, requirement: AuthRequirement): Promise<Actor> {
  if (token.startsWith(API_KEY_PREFIX)) {
    if (!requirement.apiKeyScope) {
      throw forbidden("Organization API keys cannot call user endpoints; use a user's session or token", "api_key_not_allowed");
    }
    return apiKeyWithScope(token, requirement.apiKeyScope);
  }
  if (token.startsWith(PERSONAL_ACCESS_TOKEN_PREFIX)) return verifyPersonalAccessToken(getDb(), token);
  if (looksLikeFeedbackToken(token)) {
    const actor = await verifyFeedbackToken(getDb(), token);
    if (!requirement.feedbackToken) throw forbidden("A feedback token can only submit, withdraw and read feedback", "feedback_token_not_allowed");
    return actor;
  }
  throw unauthenticated("Invalid bearer token");
}

async function authenticateUser(request: Request, requirement: AuthRequirement): Promise<Actor> {
  const token = bearerToken(request);
  // Browsers never send a bearer token on their own, so bearer writes need no cross-site check.
  if (token) return authenticateBearer(token, requirement);
  const actor = await actorFromSessionToken(readCookie(request, sessionCookieName()));
  if (!actor) throw unauthenticated("Authentication required: sign in or send a bearer token");
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return actor;
}

/** Resolves who is calling, as the endpoint's contract requires; throws 401/403 otherwise. */
export async function authenticateRequest(request: Request, requirement: AuthRequirement): Promise<Actor | null> {
  const { auth } = requirement;
  if (auth === "public") return null;
  if (auth === "api_key") {
    const token = bearerToken(request);
    if (!token) throw unauthenticated(`An organization API key is required: Authorization: Bearer ${API_KEY_PREFIX}…`);
    return apiKeyWithScope(token, requirement.apiKeyScope);
  }
  const actor = await authenticateUser(request, requirement);
  if (actor.kind === "user" && !hasRole(actor, auth)) throw forbidden(`This needs the ${auth} role`);
  return actor;
}
