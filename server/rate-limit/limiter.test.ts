import { describe, expect, it } from "vitest";
import { RateLimitError } from "@/server/errors";
import { consumePoint, createLimiter } from "./limiter";
import type { LimitRule } from "./rate-limit-config";

const rule = (overrides: Partial<LimitRule> = {}): LimitRule => ({
  keyPrefix: "test",
  points: 3,
  durationSeconds: 60,
  counts: "writes per user",
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<RateLimitError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof RateLimitError)) throw new Error(`expected a RateLimitError, got ${String(error)}`);
  return error;
}

describe("in-process limiter", () => {
  it("allows the rule's points per key and then refuses with the time to wait", async () => {
    const limiter = createLimiter(rule(), null);
    for (let call = 0; call < 3; call++) await consumePoint(limiter, "user-1");
    const error = await rejection(consumePoint(limiter, "user-1"));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error.message).toBe(`Rate limit reached: at most 3 writes per user a minute. Try again in ${error.retryAfterSeconds} s.`);
  });

  it("counts every key on its own", async () => {
    const limiter = createLimiter(rule({ points: 1 }), null);
    await consumePoint(limiter, "user-1");
    await consumePoint(limiter, "user-2");
    await rejection(consumePoint(limiter, "user-1"));
  });

  it("keeps refusing once used up, and allows again when the window has passed", async () => {
    const limiter = createLimiter(rule({ points: 2, durationSeconds: 1 }), null);
    await consumePoint(limiter, "k");
    await consumePoint(limiter, "k");
    await rejection(consumePoint(limiter, "k"));
    const again = await rejection(consumePoint(limiter, "k"));
    expect(again.retryAfterSeconds).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await consumePoint(limiter, "k");
  });

  it("counts concurrent requests exactly", async () => {
    const limiter = createLimiter(rule({ points: 10 }), null);
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => consumePoint(limiter, "burst")));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
  });
});
