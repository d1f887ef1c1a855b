// Public, static: the document only changes with a new build, so it is rendered once at build time.
import { openApiDocument } from "@/lib/api/openapi-document";

export const dynamic = "force-static";

const body = JSON.stringify(openApiDocument);

export function GET(): Response {
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      // The URL is not versioned, so caches revalidate hourly rather than keep a stale document for days.
      "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
      // API tooling (Swagger UI, code generators) often fetches the document from another origin.
      "access-control-allow-origin": "*",
    },
  });
}
