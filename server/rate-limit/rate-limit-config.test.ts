import { describe, expect, it } from "vitest";
import { rateLimitConfigProblems, readRateLimitRules, readTrustedProxyHops } from "./rate-limit-config";

describe("rate-limit configuration", () => {
  it("defaults to 120 writes per user, 1,200 per API key and 10 sign-in attempts per IP, each a minute", () => {
    const rules = readRateLimitRules({});
    expect([rules.userWrites.points, rules.apiKeyWrites.points, rules.signIns.points]).toEqual([120, 1200, 10]);
    expect(new Set([rules.userWrites.durationSeconds, rules.apiKeyWrites.durationSeconds, rules.signIns.durationSeconds])).toEqual(new Set([60]));
    expect(new Set([rules.userWrites.keyPrefix, rules.apiKeyWrites.keyPrefix, rules.signIns.keyPrefix]).size).toBe(3);
  });

  it("limits feedback-token minting to 600 a minute per API key, from its own variable", () => {
    expect(readRateLimitRules({}).feedbackTokenMints).toEqual({
      keyPrefix: "feedback-kit:rate-limit:feedbackTokenMints",
      points: 600,
      durationSeconds: 60,
      counts: "feedback tokens minted per API key",
    });
    expect(readRateLimitRules({ RATE_LIMIT_FEEDBACK_TOKENS_PER_MINUTE: "3" }).feedbackTokenMints.points).toBe(3);
    expect(rateLimitConfigProblems({ RATE_LIMIT_FEEDBACK_TOKENS_PER_MINUTE: "none" })).toEqual([
      'RATE_LIMIT_FEEDBACK_TOKENS_PER_MINUTE must be a whole number of at least 1, not "none".',
    ]);
  });

  it("takes each limit from its variable", () => {
    const rules = readRateLimitRules({
      RATE_LIMIT_WRITES_PER_MINUTE: "5",
      RATE_LIMIT_API_KEY_WRITES_PER_MINUTE: "50",
      RATE_LIMIT_SIGN_INS_PER_MINUTE: "1000000",
    });
    expect([rules.userWrites.points, rules.apiKeyWrites.points, rules.signIns.points]).toEqual([5, 50, 1_000_000]);
  });

  it("reports values that are not positive whole numbers", () => {
    expect(rateLimitConfigProblems({ RATE_LIMIT_WRITES_PER_MINUTE: "0", RATE_LIMIT_SIGN_INS_PER_MINUTE: "1.5", TRUSTED_PROXY_HOPS: "-1" })).toEqual([
      'RATE_LIMIT_WRITES_PER_MINUTE must be a whole number of at least 1, not "0".',
      'RATE_LIMIT_SIGN_INS_PER_MINUTE must be a whole number of at least 1, not "1.5".',
      'TRUSTED_PROXY_HOPS must be a whole number (0 when no proxy is in front), not "-1".',
    ]);
    expect(rateLimitConfigProblems({ RATE_LIMIT_API_KEY_WRITES_PER_MINUTE: "2400", TRUSTED_PROXY_HOPS: "0" })).toEqual([]);
  });

  it("trusts no proxy unless told", () => {
    expect(readTrustedProxyHops({})).toBe(0);
    expect(readTrustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
  });
});
