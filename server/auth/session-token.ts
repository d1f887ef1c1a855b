import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

// next-auth's JWT format (dir + A256GCM, key derived with HKDF), with the derived key and decoded
// tokens cached: decoding the session is on every request (see docs/architecture.md).

/** Tokens decoded with one key. Holding the cache on the key means another secret can never hit it. */
interface DerivedKey {
  bytes: Uint8Array;
  decoded: DecodedTokenCache;
}

const keys = new Map<string, DerivedKey>();

function derivedKey(secret: string): DerivedKey {
  let key = keys.get(secret);
  if (!key) {
    key = { bytes: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)), decoded: new DecodedTokenCache() };
    keys.set(secret, key);
  }
  return key;
}

export async function encodeSessionToken(payload: JWTPayload, secret: string, maxAgeSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAgeSeconds)
    // A signed-in session's jti names its row (session-store.ts), so re-encoding keeps it.
    .setJti(typeof payload.jti === "string" ? payload.jti : randomUUID())
    .encrypt(derivedKey(secret).bytes);
}

/**
 * Decoded tokens, each kept until it expires or for `ttlMs`, whichever comes first, and at most
 * `capacity` of them (the oldest go first). The bounded lifetime means a decoded token is checked
 * again at least that often, whatever its own expiry.
 */
export class DecodedTokenCache {
  private readonly entries = new Map<string, { payload: JWTPayload; until: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly capacity = 10_000,
  ) {}

  get(token: string, now = Date.now()): JWTPayload | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > now) return entry.payload;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, payload: JWTPayload, now = Date.now()): void {
    const until = Math.min(now + this.ttlMs, (payload.exp ?? 0) * 1000);
    if (until <= now) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { payload, until });
  }
}

/** Returns the payload of a valid, unexpired token, or null. Never throws for a bad token. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload | null> {
  const key = derivedKey(secret);
  const cached = key.decoded.get(token);
  if (cached) return cached;
  try {
    const { payload } = await jwtDecrypt(token, key.bytes, { clockTolerance: 15 });
    key.decoded.set(token, payload);
    return payload;
  } catch {
    return null;
  }
}
