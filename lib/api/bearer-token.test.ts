import { describe, expect, it, vi } from "vitest";
import { createTokenCache, readJwtExpiry } from "./bearer-token";

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (payload: object) => `${base64url({ alg: "HS256", typ: "JWT" })}.${base64url(payload)}.signature`;

const T0 = Date.parse("2026-12-01T10:00:00Z");

/** A clock the test moves, and a getToken that hands out numbered tokens of a given lifetime. */
function setup(lifetimeMs: number | null, shape: "jwt" | "grant" = "jwt") {
  let time = T0;
  let issued = 0;
  const getToken = vi.fn(async () => {
    issued++;
    if (lifetimeMs === null) return `opaque_${issued}`;
    const expiresAt = time + lifetimeMs;
    return shape === "jwt" ? jwt({ sub: "u1", n: issued, exp: expiresAt / 1000 }) : { token: `tok_${issued}`, expiresAt };
  });
  const cache = createTokenCache(getToken, () => time);
  return { cache, getToken, advance: (ms: number) => (time += ms) };
}

describe("readJwtExpiry", () => {
  it("reads exp (seconds) of a JWT as epoch milliseconds, without verifying the signature", () => {
    expect(readJwtExpiry(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  it("is null for tokens that are not JWTs or carry no numeric exp", () => {
    for (const token of ["fk_pat_abc", "a.b", "a.%%%.c", jwt({ sub: "u1" }), jwt({ exp: "soon" }), `x.${base64url([1])}.y`]) {
      expect(readJwtExpiry(token), token).toBeNull();
    }
  });
});

describe("createTokenCache", () => {
  it("reuses a JWT until 30 seconds before its exp, then asks for a new one", async () => {
    const { cache, getToken, advance } = setup(10 * 60_000);
    const first = await cache.get();
    advance(9 * 60_000 + 29_000);
    expect(await cache.get()).toBe(first);
    expect(getToken).toHaveBeenCalledTimes(1);
    advance(1_000);
    expect(await cache.get()).not.toBe(first);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it("refreshes a short-lived token halfway through its life", async () => {
    const { cache, getToken, advance } = setup(40_000, "grant");
    expect(await cache.get()).toBe("tok_1");
    advance(19_999);
    expect(await cache.get()).toBe("tok_1");
    advance(1);
    expect(await cache.get()).toBe("tok_2");
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it("accepts expiresAt as a Date, an ISO string, epoch milliseconds or epoch seconds", async () => {
    const forms = [new Date(T0 + 120_000), new Date(T0 + 120_000).toISOString(), T0 + 120_000, (T0 + 120_000) / 1000];
    for (const expiresAt of forms) {
      let time = T0;
      const getToken = vi.fn(async () => ({ token: "tok", expiresAt }));
      const cache = createTokenCache(getToken, () => time);
      await cache.get();
      time = T0 + 89_999;
      await cache.get();
      expect(getToken, String(expiresAt)).toHaveBeenCalledTimes(1);
      time = T0 + 90_000;
      await cache.get();
      expect(getToken, String(expiresAt)).toHaveBeenCalledTimes(2);
    }
  });

  it("keeps a token without an expiry until it is invalidated", async () => {
    const { cache, getToken, advance } = setup(null);
    expect(await cache.get()).toBe("opaque_1");
    advance(24 * 3_600_000);
    expect(await cache.get()).toBe("opaque_1");
    cache.invalidate();
    expect(await cache.get()).toBe("opaque_2");
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it("shares one getToken call between concurrent requests", async () => {
    const { cache, getToken } = setup(60_000, "grant");
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(["tok_1", "tok_1", "tok_1"]);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it("does not cache a failure, an empty token, or a token asked for before invalidate()", async () => {
    const getToken = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error("down")).mockResolvedValueOnce("").mockResolvedValue("good");
    const cache = createTokenCache(getToken);
    await expect(cache.get()).rejects.toThrow("down");
    await expect(cache.get()).rejects.toThrow("getToken returned no token");
    expect(await cache.get()).toBe("good");

    let release: (token: string) => void = () => {};
    const slow = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const stale = createTokenCache(slow);
    const before = stale.get();
    stale.invalidate();
    release("old");
    expect(await before).toBe("old");
    const after = stale.get();
    release("new");
    expect(await after).toBe("new");
    expect(slow).toHaveBeenCalledTimes(2);
  });

  it("reads the mint endpoint's answer: expires_at, or expires_in counted from when the token was asked for", async () => {
    let time = T0;
    // Valid for 120 s from T0 either way: the cache asks again 30 s before the end, at T0 + 90 s.
    const asksAgainAt90s = async (mint: () => Promise<{ token: string; expires_at?: string; expires_in?: number }>) => {
      time = T0;
      const minted = vi.fn(mint);
      const cache = createTokenCache(minted, () => time);
      await cache.get();
      time = T0 + 89_999;
      await cache.get();
      expect(minted).toHaveBeenCalledTimes(1);
      time = T0 + 90_000;
      await cache.get();
      expect(minted).toHaveBeenCalledTimes(2);
    };
    await asksAgainAt90s(async () => ({ token: "fbt", token_type: "Bearer", expires_at: new Date(T0 + 120_000).toISOString(), expires_in: 120 }));
    await asksAgainAt90s(async () => {
      time += 5_000; // the host's backend took 5 s to answer
      return { token: "fbt", expires_in: 120 };
    });
  });

  it("invalidate(rejected) forgets only the token it names: a newer cached token stays", async () => {
    const { cache, getToken } = setup(60_000, "grant");
    expect(await cache.get()).toBe("tok_1");
    cache.invalidate("tok_1");
    expect(await cache.get()).toBe("tok_2");
    cache.invalidate("tok_1");
    expect(await cache.get()).toBe("tok_2");
    expect(getToken).toHaveBeenCalledTimes(2);
  });
});
