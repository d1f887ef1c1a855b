import "server-only";
import { createLimiter, type Limiter } from "./limiter";
import { readRateLimitRules, type RateLimitRules } from "./rate-limit-config";
import { getRedis } from "./redis-client";

type Limiters = Record<keyof RateLimitRules, Limiter>;

// On globalThis: in-process counts must be one per process, not one per Next.js bundle.
const globalForLimiters = globalThis as unknown as { feedbackKitLimiters?: Limiters };

/** The app's limiters, built from the environment on first use. */
export function getRateLimiters(): Limiters {
  if (!globalForLimiters.feedbackKitLimiters) {
    const rules = readRateLimitRules();
    const redis = getRedis();
    globalForLimiters.feedbackKitLimiters = {
      userWrites: createLimiter(rules.userWrites, redis),
      apiKeyWrites: createLimiter(rules.apiKeyWrites, redis),
      feedbackTokenMints: createLimiter(rules.feedbackTokenMints, redis),
      signIns: createLimiter(rules.signIns, redis),
    };
  }
  return globalForLimiters.feedbackKitLimiters;
}
