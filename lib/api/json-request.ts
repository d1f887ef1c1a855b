// The request machinery shared by the browser clients of the API (the kit's and the admin app's):
// JSON in and out, the host's headers and bearer token, and typed errors from `{"detail", "code"}`.
import type { z } from "zod";
import { createTokenCache, type GetToken } from "./bearer-token";
import type { Endpoint } from "./endpoint";
import { errorFromResponse, FeedbackApiError } from "./feedback-api-error";

export interface JsonRequestOptions {
  /** Where the Feedback Kit app is, e.g. "https://feedback.example.com"; empty (the default) for the page's own origin. */
  baseUrl?: string;
  /** Replaces the global `fetch` (tests, instrumentation, a proxy). */
  fetch?: typeof fetch;
  /** Extra headers for every request, e.g. `{ Authorization: "Bearer …" }` from a host's own session. */
  headers?: () => HeadersInit | undefined | Promise<HeadersInit | undefined>;
  /** For hosts on another origin: returns a bearer token; cached, and asked again shortly before it expires or after a 401. */
  getToken?: GetToken;
}

/** An endpoint's method and path: a client's route table `satisfies` these, so a contract change fails to compile. */
export type RouteOf<E extends Endpoint> = { method: E["method"]; path: E["path"] };
export type BodyOf<E extends Endpoint> = E extends Endpoint<z.ZodType, z.ZodType, infer Body> ? z.input<Body> : never;

export type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

export interface RequestParts<Path extends string> {
  params?: Record<ParamNames<Path>, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Lets the request outlive the page (sent while the tab closes). */
  keepalive?: boolean;
}

export type JsonRequest = <T, Path extends string>(route: { method: string; path: Path }, parts?: RequestParts<Path>) => Promise<T>;

function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ""));
}

/** The query string of the defined values, "" when there are none. */
export function queryString(query: Record<string, string | undefined> | undefined): string {
  const defined = Object.entries(query ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return defined.length > 0 ? `?${new URLSearchParams(defined)}` : "";
}

export function createJsonRequest(options: JsonRequestOptions = {}): JsonRequest {
  const baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
  const tokens = options.getToken ? createTokenCache(options.getToken) : null;
  // Looked up per call, so a fetch replaced later (test doubles, instrumentation) is the one used.
  const send: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  /** Sends the request; `token` is the bearer token it carried, if any. */
  async function attempt(method: string, url: string, parts: RequestParts<string>): Promise<{ response: Response; token?: string }> {
    const headers = new Headers(await options.headers?.());
    headers.set("accept", "application/json");
    if (parts.body !== undefined) headers.set("content-type", "application/json");
    const token = tokens ? await tokens.get() : undefined;
    if (token !== undefined) headers.set("authorization", `Bearer ${token}`);
    const response = await send(url, {
      method,
      headers,
      body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
      ...(parts.keepalive ? { keepalive: true } : {}),
    });
    return { response, token };
  }

  return async function request<T, Path extends string>(route: { method: string; path: Path }, parts: RequestParts<Path> = {}): Promise<T> {
    const url = `${baseUrl}${fillPath(route.path, parts.params)}${queryString(parts.query)}`;
    let response: Response;
    try {
      const first = await attempt(route.method, url, parts);
      response = first.response;
      // A token the server no longer accepts (expired, revoked, clock skew): one retry with a fresh one.
      if (response.status === 401 && tokens && first.token !== undefined) {
        tokens.invalidate(first.token);
        response = (await attempt(route.method, url, parts)).response;
      }
    } catch (error) {
      throw new FeedbackApiError(0, { detail: error instanceof Error ? error.message : String(error) }, { cause: error });
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let data: unknown = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        if (response.ok) throw new FeedbackApiError(response.status, { detail: "The server's answer is not JSON", code: "invalid_response" });
      }
    }
    if (!response.ok) throw errorFromResponse(response.status, data);
    return data as T;
  };
}
