import "server-only";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { rateLimited } from "@/server/errors";
import type { LimitRule } from "./rate-limit-config";

export interface Limiter {
  rule: LimitRule;
  store: RateLimiterAbstract;
}

/**
 * In process by default; with Redis, every app instance counts in the same keys. Should Redis
 * fail, the in-process limiter stands in (the "insurance" limiter), so requests are neither
 * refused nor left unlimited during an outage.
 */
export function createLimiter(rule: LimitRule, redis: Redis | null): Limiter {
  const options = { keyPrefix: rule.keyPrefix, points: rule.points, duration: rule.durationSeconds };
  const memory = new RateLimiterMemory(options);
  if (!redis) return { rule, store: memory };
  return { rule, store: new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }) };
}

/** Counts one request for `key`; throws a 429 error with the wait once the key's points are used up. */
export async function consumePoint(limiter: Limiter, key: string): Promise<void> {
  try {
    await limiter.store.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    const { points, durationSeconds, counts } = limiter.rule;
    const window = durationSeconds === 60 ? "a minute" : `per ${durationSeconds} s`;
    throw rateLimited(`Rate limit reached: at most ${points} ${counts} ${window}. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds);
  }
}
