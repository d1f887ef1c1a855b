// Calls an endpoint of lib/api/all-endpoints.ts through its real route handler, found from the
// contract's path and method (lib/api/openapi.test.ts checks that every endpoint has that route).
import path from "node:path";
import type { Endpoint } from "@/lib/api/endpoint";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const APP_DIR = path.resolve(import.meta.dirname, "../app");

/** The route handler that serves the endpoint: app/api/…/[param]/route.ts, export named by its method. */
export async function routeHandlerOf(endpoint: Endpoint): Promise<RouteHandler> {
  const file = path.join(APP_DIR, endpoint.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  const handler: unknown = ((await import(file)) as Record<string, unknown>)[endpoint.method];
  if (typeof handler !== "function") throw new Error(`${file} exports no ${endpoint.method} handler for ${endpoint.id}`);
  return handler as RouteHandler;
}

export interface EndpointRequest {
  params?: Record<string, string>;
  /** Parameters in order; a name may repeat. */
  query?: ReadonlyArray<readonly [string, string]>;
  /** A string or bytes are sent as they are; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface EndpointAnswer {
  status: number;
  contentType: string;
  /** The parsed JSON body (undefined for an empty or non-JSON one). */
  body: unknown;
}

/** Percent-encodes a path segment; a lone surrogate (which encodeURIComponent refuses) becomes U+FFFD, as a browser would send it. */
const segment = (value: string) => encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));

function urlOf(endpoint: Endpoint, request: EndpointRequest): string {
  const pathname = endpoint.path.replace(/\{(\w+)\}/g, (_match, name: string) => segment(request.params?.[name] ?? ""));
  const search = new URLSearchParams(request.query?.map(([key, value]) => [key, value]));
  return `http://localhost:3000${pathname}${search.size > 0 ? `?${search}` : ""}`;
}

function bodyOf(body: unknown): string | Uint8Array<ArrayBuffer> | undefined {
  if (body === undefined || typeof body === "string" || body instanceof Uint8Array) return body as string | Uint8Array<ArrayBuffer> | undefined;
  return JSON.stringify(body);
}

/** Sends the request the way Next.js would and reads the whole answer (a stream too). */
export async function callEndpoint(endpoint: Endpoint, request: EndpointRequest = {}): Promise<EndpointAnswer> {
  const handler = await routeHandlerOf(endpoint);
  const body = bodyOf(request.body);
  const headers: Record<string, string> = { ...(body === undefined ? {} : { "content-type": "application/json" }), ...request.headers };
  const response = await handler(new Request(urlOf(endpoint, request), { method: endpoint.method, headers, body }), {
    params: Promise.resolve(request.params ?? {}),
  });
  const text = await response.text();
  const contentType = response.headers.get("content-type") ?? "";
  return { status: response.status, contentType, body: contentType.startsWith("application/json") && text ? JSON.parse(text) : undefined };
}
