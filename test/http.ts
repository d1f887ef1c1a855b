// Calls real route handlers the way Next.js does, with a signed-in user's session cookie.
import { readEventData } from "@/lib/api/server-sent-events";
import type { Role } from "@/server/db/generated/enums";
import { getAuthSecret, sessionCookieName } from "@/server/auth/auth-secret";
import { createSession } from "@/server/auth/session-store";
import { encodeSessionToken } from "@/server/auth/session-token";
import { getDb } from "@/server/db/database";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface TestUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * A signed-in session (its row and its cookie) of a member. The role is the one the test expects
 * the membership to have: the session itself always acts with the membership's current role.
 */
export async function sessionCookie(user: TestUser, organizationId: string, role: Role): Promise<string> {
  const db = getDb();
  const membership = await db.selectFrom("Membership").select("role").where("userId", "=", user.id).where("organizationId", "=", organizationId).executeTakeFirst();
  if (membership?.role !== role) throw new Error(`Test setup: ${user.email} is ${membership ? `a ${membership.role}` : "not a member"}, not a ${role}`);
  const jti = await createSession(db, { userId: user.id, organizationId, maxAgeSeconds: 3600 });
  const token = await encodeSessionToken({ sub: user.id, email: user.email, name: user.name, org: organizationId, role, jti }, getAuthSecret(), 3600);
  return `${sessionCookieName()}=${token}`;
}

export interface CallOptions {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
}

export async function callRoute(handler: RouteHandler, options: CallOptions = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(`http://localhost:3000${options.path ?? "/api/test"}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export interface StreamCall<Event> {
  status: number;
  headers: Headers;
  /** The parsed `data:` events of a text/event-stream answer (empty for any other). */
  events: Event[];
  /** The JSON body of an answer that is not a stream (an error). */
  body: unknown;
}

/** Calls a route that answers with server-sent events, and reads the whole stream. */
export async function callEventStreamRoute<Event = unknown>(handler: RouteHandler, options: CallOptions = {}): Promise<StreamCall<Event>> {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  const request = new Request(`http://localhost:3000${options.path ?? "/api/test"}`, {
    method: options.method ?? "POST",
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  if (!response.headers.get("content-type")?.startsWith("text/event-stream") || !response.body) {
    const text = await response.text();
    return { status: response.status, headers: response.headers, events: [], body: text ? JSON.parse(text) : undefined };
  }
  const events: Event[] = [];
  for await (const data of readEventData(response.body)) events.push(JSON.parse(data) as Event);
  return { status: response.status, headers: response.headers, events, body: undefined };
}
