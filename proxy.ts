import { NextResponse, type NextRequest } from "next/server";
import { createNonce, documentContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/server/http/content-security-policy";

// Pages only: API routes, static assets and prefetches never come here (see `config`), and get
// their headers from next.config.mjs, which costs no extra work per request.

const development = process.env.NODE_ENV === "development";
let servedOverHttps: boolean | undefined;

export function proxy(request: NextRequest) {
  servedOverHttps ??= process.env.NODE_ENV === "production" && Boolean(process.env.NEXTAUTH_URL?.startsWith("https://"));
  const policy = documentContentSecurityPolicy({ nonce: createNonce(), development, https: servedOverHttps });
  // Next.js reads the nonce from the request's policy and applies it to the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (servedOverHttps) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
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
