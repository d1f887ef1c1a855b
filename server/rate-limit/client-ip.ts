import "server-only";
import { readTrustedProxyHops } from "./rate-limit-config";

/**
 * The caller's address, for per-IP limits. Next.js has no socket address for route handlers: it
 * writes it into X-Forwarded-For only when the request has none. Each reverse proxy appends the
 * address that connected to it, so with `hops` proxies in front the client is the hops-th entry
 * from the right, and anything further left was sent by the client and is not trusted. With no
 * proxy (hops 0) a client that sends its own header picks its key: see docs/security.md.
 */
export function clientIp(request: Request, hops: number = readTrustedProxyHops()): string {
  const entries = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  return entries[Math.max(0, entries.length - Math.max(1, hops))]!;
}
