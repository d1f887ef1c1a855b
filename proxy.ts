import { NextResponse, type NextRequest } from "next/server";
import { createNonce, documentSecurityHeaders } from "@/server/http/content-security-policy";

// Pages only: API routes, static assets and prefetches never come here (see `config`) and get
// their headers from next.config.mjs, which adds no work per request beyond setting them.

export function proxy(request: NextRequest) {
  const headers = documentSecurityHeaders(createNonce());
  // Next.js reads the nonce from the request's policy and puts it on the scripts and styles it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but /api and /api/…, Next's static files and image optimizer, and the favicon.
      source: "/((?!api(?:/|$)|_next/static/|_next/image|favicon\\.ico$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
