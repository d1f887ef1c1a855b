// The Redis store, against a real Redis: runs when TEST_REDIS_URL (or REDIS_URL) is set, as in CI
// (.ci/run starts one on 127.0.0.1:6379). Keys get a prefix of their own per run, so runs that
// share a Redis do not count each other's requests.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RateLimitError } from "@/server/errors";
import { consumePoint, createLimiter } from "./limiter";
import type { LimitRule } from "./rate-limit-config";
import { createRedisClient } from "./redis-client";

const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
const clients: Redis[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
});

async function connectedClient(url: string): Promise<Redis> {
  const client = createRedisClient(url);
  clients.push(client);
  if (client.status !== "ready") await new Promise((resolve) => client.once("ready", resolve));
  return client;
}

const rule = (points: number): LimitRule => ({
  keyPrefix: `feedback-kit-test:${randomUUID()}`,
  points,
  durationSeconds: 60,
  counts: "writes per user",
});

const outcome = (promise: Promise<void>) =>
  promise.then(
    () => "allowed" as const,
    (error: unknown) => {
      if (error instanceof RateLimitError) return "limited" as const;
      throw error;
    },
  );

describe.skipIf(!REDIS_URL)("Redis limiter", () => {
  it("two app instances share one limit", async () => {
    const shared = rule(5);
    // Two connections and two limiters, as two app processes would have.
    const instanceA = createLimiter(shared, await connectedClient(REDIS_URL!));
    const instanceB = createLimiter(shared, await connectedClient(REDIS_URL!));
    const outcomes = [];
    for (let call = 0; call < 8; call++) outcomes.push(await outcome(consumePoint(call % 2 === 0 ? instanceA : instanceB, "user-1")));
    expect(outcomes).toEqual(["allowed", "allowed", "allowed", "allowed", "allowed", "limited", "limited", "limited"]);
    // Another key is untouched on both.
    expect(await outcome(consumePoint(instanceB, "user-2"))).toBe("allowed");
  });

  it("counts concurrent requests from both instances exactly", async () => {
    const shared = rule(10);
    const instances = [createLimiter(shared, await connectedClient(REDIS_URL!)), createLimiter(shared, await connectedClient(REDIS_URL!))];
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, call) => outcome(consumePoint(instances[call % 2]!, "burst"))));
    expect(outcomes.filter((entry) => entry === "allowed")).toHaveLength(10);
  });

  it("keeps the window in Redis: the wait it reports is what Redis holds", async () => {
    const shared = rule(1);
    const client = await connectedClient(REDIS_URL!);
    const limiter = createLimiter(shared, client);
    await consumePoint(limiter, "user-1");
    const ttl = await client.pttl(`${shared.keyPrefix}:user-1`);
    expect(ttl).toBeGreaterThan(55_000);
    const error = await consumePoint(limiter, "user-1").catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterSeconds).toBe(Math.ceil(ttl / 1000));
  });

  it("falls back to the in-process limit when Redis cannot be reached", async () => {
    // Nothing listens on port 1: every command fails at once.
    const unreachable = createRedisClient("redis://127.0.0.1:1");
    clients.push(unreachable);
    const limiter = createLimiter(rule(2), unreachable);
    const outcomes = [];
    for (let call = 0; call < 3; call++) outcomes.push(await outcome(consumePoint(limiter, "user-1")));
    expect(outcomes).toEqual(["allowed", "allowed", "limited"]);
  });
});
