import { afterEach, describe, expect, it, vi } from "vitest";
import { DecodedTokenCache, decodeSessionToken, encodeSessionToken } from "./session-token";

const SECRET = "test-secret-with-enough-entropy-123456";

afterEach(() => vi.useRealTimers());

describe("session tokens", () => {
  it("round-trips the claims of a valid token", async () => {
    const token = await encodeSessionToken({ sub: "user-1", org: "org-1", role: "reviewer" }, SECRET, 60);
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sub: "user-1", org: "org-1", role: "reviewer" });
  });

  it("rejects tampered tokens and garbage", async () => {
    const token = await encodeSessionToken({ sub: "user-1" }, SECRET, 60);
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await decodeSessionToken(tampered, SECRET)).toBeNull();
    expect(await decodeSessionToken("not-a-token", SECRET)).toBeNull();
  });

  it("never answers from the cache for another secret, also one of the same length", async () => {
    const token = await encodeSessionToken({ sub: "user-1" }, SECRET, 60);
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sub: "user-1" });
    const sameLength = SECRET.replace(/.$/, "7");
    expect(sameLength).toHaveLength(SECRET.length);
    expect(await decodeSessionToken(token, sameLength)).toBeNull();
    expect(await decodeSessionToken(token, `${SECRET}-other`)).toBeNull();
  });

  it("rejects an expired token, also after it was cached while valid", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T12:00:00Z") });
    const token = await encodeSessionToken({ sub: "user-1" }, SECRET, 30);
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sub: "user-1" });
    // Past its expiry and jose's 15 s clock tolerance.
    vi.setSystemTime(new Date("2026-12-01T12:00:46Z"));
    expect(await decodeSessionToken(token, SECRET)).toBeNull();
  });

  it("rejects a token that was already expired when first seen", async () => {
    expect(await decodeSessionToken(await encodeSessionToken({ sub: "user-1" }, SECRET, -60), SECRET)).toBeNull();
  });
});

describe("DecodedTokenCache", () => {
  const payload = (expSeconds: number) => ({ sub: "u", exp: expSeconds });

  it("keeps an entry for its time to live, even when the token lives longer", () => {
    const cache = new DecodedTokenCache(60_000);
    cache.set("t", payload(10_000), 1_000_000);
    expect(cache.get("t", 1_059_999)).toMatchObject({ sub: "u" });
    expect(cache.get("t", 1_060_000)).toBeUndefined();
  });

  it("never keeps an entry past the token's expiry", () => {
    const cache = new DecodedTokenCache(60_000);
    cache.set("t", payload(1_010), 1_000_000);
    expect(cache.get("t", 1_009_999)).toBeDefined();
    expect(cache.get("t", 1_010_000)).toBeUndefined();
    cache.set("expired", payload(999), 1_000_000);
    expect(cache.get("expired", 1_000_000)).toBeUndefined();
  });

  it("holds at most its capacity, dropping the oldest first", () => {
    const cache = new DecodedTokenCache(60_000, 2);
    for (const token of ["a", "b", "c"]) cache.set(token, payload(10_000), 1_000_000);
    expect(["a", "b", "c"].map((token) => cache.get(token, 1_000_001) !== undefined)).toEqual([false, true, true]);
  });
});
