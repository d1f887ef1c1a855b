import "server-only";

export interface DocumentPolicyOptions {
  nonce: string;
  /** `next dev` needs eval (React's error overlays) and inline styles (its dev overlay). */
  development: boolean;
  /** The app is served over https (NEXTAUTH_URL): upgrade stray http requests. */
  https: boolean;
}

/**
 * The policy for HTML pages: scripts run only with this response's nonce (Next.js puts it on its
 * own scripts and styles when the request carries the policy) or when loaded by such a script.
 */
export function documentContentSecurityPolicy({ nonce, development, https }: DocumentPolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // A nonce would make browsers ignore 'unsafe-inline', so development gets only the latter.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, the common preload-list value; browsers ignore the header on plain http anyway. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

type Env = Record<string, string | undefined>;

/**
 * The headers proxy.ts adds to a page. HSTS only for a production app whose public URL is https:
 * sent from a plain-http development server it would pin localhost to https.
 */
export function documentSecurityHeaders(nonce: string, env: Env = process.env): Record<string, string> {
  const https = env.NODE_ENV === "production" && Boolean(env.NEXTAUTH_URL?.startsWith("https://"));
  const headers: Record<string, string> = {
    "content-security-policy": documentContentSecurityPolicy({ nonce, development: env.NODE_ENV === "development", https }),
  };
  if (https) headers["strict-transport-security"] = STRICT_TRANSPORT_SECURITY;
  return headers;
}

/** A fresh, unguessable nonce per response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
