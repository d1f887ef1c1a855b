import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

// next-auth's JWT format (dir + A256GCM, key derived with HKDF), with the derived key and decoded
// tokens cached: decoding the session is on every request (see docs/architecture.md).

const keyCache = new Map<string, Uint8Array>();

function encryptionKey(secret: string): Uint8Array {
  let key = keyCache.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keyCache.set(secret, key);
  }
  return key;
}

export async function encodeSessionToken(payload: JWTPayload, secret: string, maxAgeSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAgeSeconds)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret));
}

const MAX_CACHED_TOKENS = 10_000;
const decodedTokens = new Map<string, JWTPayload>();

/** Returns the payload of a valid, unexpired token, or null. Never throws for a bad token. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload | null> {
  const cacheKey = `${secret.length}:${token}`;
  const cached = decodedTokens.get(cacheKey);
  if (cached) {
    if ((cached.exp ?? 0) * 1000 > Date.now()) return cached;
    decodedTokens.delete(cacheKey);
    return null;
  }
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
    if (decodedTokens.size >= MAX_CACHED_TOKENS) {
      const oldest = decodedTokens.keys().next().value;
      if (oldest !== undefined) decodedTokens.delete(oldest);
    }
    decodedTokens.set(cacheKey, payload);
    return payload;
  } catch {
    return null;
  }
}
