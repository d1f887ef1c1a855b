type Expiry = Date | string | number | null;

/**
 * What a host's `getToken` callback returns: a token (a JWT's `exp` is read, without verifying it),
 * or the token with its expiry — `expiresAt`, a Date, an ISO-8601 string, or epoch milliseconds
 * (epoch seconds are recognised too) — or the mint endpoint's answer as it is
 * (`{ token, expires_at, expires_in }`, passed through by the host's backend).
 */
export type TokenGrant = string | { token: string; expiresAt?: Expiry; expires_at?: Expiry; expires_in?: number | null };
export type GetToken = () => TokenGrant | Promise<TokenGrant>;

export interface TokenCache {
  /** A token that is not about to expire: the cached one, or a fresh one from the callback. */
  get(): Promise<string>;
  /**
   * Forgets the cached token. With the token the API answered 401 to, only when it is still the
   * cached one: requests that failed together with the same token cause one refresh, not several.
   */
  invalidate(rejected?: string): void;
}

/** Refresh this long before expiry, or halfway through the token's life when that is shorter. */
const REFRESH_MARGIN_MS = 30_000;
/** Numbers below this are epoch seconds (as in a JWT), not milliseconds. */
const EPOCH_MS_THRESHOLD = 1e12;

/** The `exp` claim of a JWT in epoch milliseconds, or null for anything that is not a JWT with one. */
export function readJwtExpiry(token: string): number | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const payload: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    const exp = (payload as { exp?: unknown } | null)?.exp;
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

function expiryOf(grant: Exclude<TokenGrant, string>, requestedAt: number): number | null {
  const expiresAt = grant.expiresAt ?? grant.expires_at;
  if (expiresAt === undefined || expiresAt === null) {
    // Counted from when the token was asked for, so the time it took to arrive is not overlooked.
    if (typeof grant.expires_in === "number" && Number.isFinite(grant.expires_in)) return requestedAt + grant.expires_in * 1000;
    return readJwtExpiry(grant.token);
  }
  if (typeof expiresAt === "number") return expiresAt < EPOCH_MS_THRESHOLD ? expiresAt * 1000 : expiresAt;
  const time = new Date(expiresAt).getTime();
  return Number.isNaN(time) ? null : time;
}

/**
 * Caches the host's token and asks for a new one shortly before it expires. Concurrent requests
 * share one callback call; a failed call is not cached, so the next request asks again.
 */
export function createTokenCache(getToken: GetToken, now: () => number = Date.now): TokenCache {
  let cached: { token: string; refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;
  // A token asked for before an invalidate() must not be cached after it.
  let generation = 0;

  function refresh(): Promise<string> {
    const started = generation;
    const requestedAt = now();
    const request = (async () => {
      const raw = await getToken();
      const grant = typeof raw === "string" ? { token: raw } : raw;
      if (!grant || typeof grant.token !== "string" || grant.token === "") throw new Error("getToken returned no token");
      const expiresAt = expiryOf(grant, requestedAt);
      const margin = expiresAt === null ? 0 : Math.min(REFRESH_MARGIN_MS, (expiresAt - requestedAt) / 2);
      if (started === generation) cached = { token: grant.token, refreshAt: expiresAt === null ? Infinity : expiresAt - margin };
      return grant.token;
    })();
    pending = request;
    const clear = () => {
      if (pending === request) pending = null;
    };
    request.then(clear, clear);
    return request;
  }

  return {
    get() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      return pending ?? refresh();
    },
    invalidate(rejected) {
      if (rejected !== undefined) {
        // A refresh under way (or done) already replaces the rejected token.
        if (cached?.token === rejected) cached = null;
        return;
      }
      generation++;
      cached = null;
      pending = null;
    },
  };
}
