// The per-instance session cache: what bounds how long a sign-out, removal or role change made on
// another instance can go unseen (docs/security.md, "Sessions").
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_CACHE_TTL_MS, SessionCache, type LiveSession } from "./session-store";

const alice: LiveSession = { userId: "u-1", organizationId: "o-1", role: "admin", email: "alice@example.test", name: "Alice" };
const bob: LiveSession = { userId: "u-2", organizationId: "o-1", role: "member", email: "bob@example.test", name: null };
const FAR = Number.POSITIVE_INFINITY;

describe("SessionCache", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-01T12:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("keeps the bound well inside the 60 seconds the spec allows", () => {
    expect(SESSION_CACHE_TTL_MS).toBe(30_000);
  });

  it("answers from memory until the TTL, then asks again", () => {
    const cache = new SessionCache();
    expect(cache.get("jti-1")).toBeUndefined();
    cache.set("jti-1", alice, FAR);
    vi.advanceTimersByTime(SESSION_CACHE_TTL_MS - 1);
    expect(cache.get("jti-1")).toEqual(alice);
    vi.advanceTimersByTime(1);
    expect(cache.get("jti-1")).toBeUndefined();
  });

  it("remembers an ended session as briefly as a live one", () => {
    const cache = new SessionCache();
    cache.set("gone", null, FAR);
    expect(cache.get("gone")).toBeNull();
    vi.advanceTimersByTime(SESSION_CACHE_TTL_MS);
    expect(cache.get("gone")).toBeUndefined();
  });

  it("never keeps a session past its own expiry", () => {
    const cache = new SessionCache();
    cache.set("short", alice, Date.now() + 5_000);
    vi.advanceTimersByTime(5_000);
    expect(cache.get("short")).toBeUndefined();
    cache.set("expired", alice, Date.now());
    expect(cache.get("expired")).toBeUndefined();
  });

  it("forgets one session at once on sign-out", () => {
    const cache = new SessionCache();
    cache.set("jti-1", alice, FAR);
    cache.set("jti-2", bob, FAR);
    cache.drop("jti-1");
    expect(cache.get("jti-1")).toBeUndefined();
    expect(cache.get("jti-2")).toEqual(bob);
  });

  it("forgets every session of one membership at once, and only those", () => {
    const cache = new SessionCache();
    cache.set("phone", alice, FAR);
    cache.set("laptop", alice, FAR);
    cache.set("bob", bob, FAR);
    cache.set("other-org", { ...alice, organizationId: "o-2" }, FAR);
    cache.dropMember("u-1", "o-1");
    expect([cache.get("phone"), cache.get("laptop"), cache.get("bob"), cache.get("other-org")]).toEqual([undefined, undefined, bob, { ...alice, organizationId: "o-2" }]);
  });

  it("holds at most its capacity, dropping the oldest first", () => {
    const cache = new SessionCache(SESSION_CACHE_TTL_MS, 2);
    cache.set("a", alice, FAR);
    cache.set("b", bob, FAR);
    cache.set("c", alice, FAR);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, bob, alice]);
  });
});
