import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDemoSignInEnabled } from "./sign-in-config";

let cachedSecret: string | undefined;

/**
 * NEXTAUTH_SECRET signs sessions. A deployment must set it; the demo (and development) gets a
 * random one stored under .data/ so a fresh clone runs with no configuration.
 */
export function getAuthSecret(): string {
  if (cachedSecret) return cachedSecret;
  const configured = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (configured) return (cachedSecret = configured);
  if (!isDemoSignInEnabled()) {
    throw new Error("NEXTAUTH_SECRET must be set in production (e.g. `openssl rand -base64 32`).");
  }
  const file = path.resolve(process.cwd(), ".data/auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": when several processes start at once, the first writer wins and the rest read its secret.
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return (cachedSecret = readFileSync(file, "utf8").trim());
}

/** next-auth prefixes its cookies with __Secure- when the app is served over HTTPS. */
export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
