// Calls real route handlers the way Next.js does, with a signed-in user's session cookie.
import { readEventData } from "@/lib/api/server-sent-events";
import type { Role } from "@/server/db/generated/enums";
import { getAuthSecret, sessionCookieName } from "@/server/auth/auth-secret";
import { encodeSessionToken } from "@/server/auth/session-token";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface TestUser {
  id: string;
  email: string;
  name: string | null;
}

export async function sessionCookie(user: TestUser, organizationId: string, role: Role): Promise<string> {
  const token = await encodeSessionToken(
    { sub: user.id, email: user.email, name: user.name, org: organizationId, role },
    getAuthSecret(),
    3600,
  );
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
