import "server-only";

/** A limit: `points` requests per `durationSeconds` for each key. */
export interface LimitRule {
  /** Namespaces the keys (in Redis, `<keyPrefix>:<key>`). */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** Names what is counted, for the 429's detail: "writes per user". */
  counts: string;
}

export interface RateLimitRules {
  userWrites: LimitRule;
  apiKeyWrites: LimitRule;
  feedbackTokenMints: LimitRule;
  signIns: LimitRule;
}

type Env = Record<string, string | undefined>;

const SETTINGS: Record<keyof RateLimitRules, { variable: string; fallback: number; counts: string }> = {
  userWrites: { variable: "RATE_LIMIT_WRITES_PER_MINUTE", fallback: 120, counts: "writes per user" },
  apiKeyWrites: { variable: "RATE_LIMIT_API_KEY_WRITES_PER_MINUTE", fallback: 1200, counts: "writes per API key" },
  feedbackTokenMints: { variable: "RATE_LIMIT_FEEDBACK_TOKENS_PER_MINUTE", fallback: 600, counts: "feedback tokens minted per API key" },
  signIns: { variable: "RATE_LIMIT_SIGN_INS_PER_MINUTE", fallback: 10, counts: "sign-in attempts per IP address" },
};

const TRUSTED_PROXY_HOPS = "TRUSTED_PROXY_HOPS";

const isCount = (value: string) => /^\d+$/.test(value.trim());

/** Why the rate-limit environment is unusable (empty when it is fine); checked when the server starts. */
export function rateLimitConfigProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  for (const { variable } of Object.values(SETTINGS)) {
    const value = env[variable];
    if (value !== undefined && (!isCount(value) || Number(value) < 1)) problems.push(`${variable} must be a whole number of at least 1, not "${value}".`);
  }
  const hops = env[TRUSTED_PROXY_HOPS];
  if (hops !== undefined && !isCount(hops)) problems.push(`${TRUSTED_PROXY_HOPS} must be a whole number (0 when no proxy is in front), not "${hops}".`);
  return problems;
}

function readCount(env: Env, variable: string, fallback: number): number {
  const value = env[variable];
  return value !== undefined && isCount(value) && Number(value) >= 1 ? Number(value) : fallback;
}

export function readRateLimitRules(env: Env = process.env): RateLimitRules {
  const rule = (name: keyof RateLimitRules): LimitRule => {
    const { variable, fallback, counts } = SETTINGS[name];
    return { keyPrefix: `feedback-kit:rate-limit:${name}`, points: readCount(env, variable, fallback), durationSeconds: 60, counts };
  };
  return { userWrites: rule("userWrites"), apiKeyWrites: rule("apiKeyWrites"), feedbackTokenMints: rule("feedbackTokenMints"), signIns: rule("signIns") };
}

/** How many reverse proxies in front of the app append to X-Forwarded-For (see client-ip.ts). */
export function readTrustedProxyHops(env: Env = process.env): number {
  const value = env[TRUSTED_PROXY_HOPS];
  return value !== undefined && isCount(value) ? Number(value) : 0;
}
