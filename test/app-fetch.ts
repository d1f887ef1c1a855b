// A `fetch` that answers from the app's route handlers in this process, routed as Next.js routes
// them (folders, `[param]` segments; a trailing slash reaches the same route, as with
// skipTrailingSlashRedirect). For clients that speak HTTP only, such as scripts/lib/original-api-client.ts.
import { readdirSync } from "node:fs";
import path from "node:path";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

const API_ROOT = path.resolve(import.meta.dirname, "../app/api");

interface Route {
  pattern: RegExp;
  names: string[];
  load: () => Promise<RouteModule>;
  /** Static segments win over dynamic ones, as in Next.js. */
  dynamicSegments: number;
}

const routes: Route[] = readdirSync(API_ROOT, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts" && !file.includes("[..."))
  .map((file) => {
    const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== ".");
    const names: string[] = [];
    const source = segments
      .map((segment) => {
        const dynamic = /^\[(\w+)\]$/.exec(segment);
        if (!dynamic) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(dynamic[1]!);
        return "([^/]+)";
      })
      .join("/");
    return {
      pattern: new RegExp(`^/api/${source}/?$`),
      names,
      load: () => import(path.join(API_ROOT, file)) as Promise<RouteModule>,
      dynamicSegments: names.length,
    };
  })
  .sort((a, b) => a.dynamicSegments - b.dynamicSegments);

export async function appFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const request = new Request(url, init);
  const { pathname } = new URL(request.url);
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const handler = (await route.load())[request.method];
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
    return handler(request, { params: Promise.resolve(params) });
  }
  return new Response(JSON.stringify({ detail: "Not Found" }), { status: 404, headers: { "content-type": "application/json" } });
}
