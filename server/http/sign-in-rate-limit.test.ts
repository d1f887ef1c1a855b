import { beforeAll, describe, expect, it } from "vitest";
import { signInStep, withSignInRateLimit } from "./sign-in-rate-limit";

// Read when the limiters are first used, so before the first request below.
beforeAll(() => {
  process.env.RATE_LIMIT_SIGN_INS_PER_MINUTE = "3";
});

let reachedNextAuth = 0;
const handler = withSignInRateLimit(async () => {
  reachedNextAuth++;
  return new Response("next-auth");
});

const call = (method: string, path: string, ip: string) =>
  handler(new Request(`http://localhost:3000${path}`, { method, headers: { "x-forwarded-for": ip } }), {});

describe("sign-in steps", () => {
  it.each([
    ["POST", "/api/auth/signin/oidc", "start"],
    ["POST", "/api/auth/signin/github/", "start"],
    ["POST", "/api/auth/callback/demo", "finish"],
    ["GET", "/api/auth/callback/oidc", "finish"],
    ["GET", "/api/auth/signin/oidc", null],
    ["GET", "/api/auth/session", null],
    ["GET", "/api/auth/csrf", null],
    ["GET", "/api/auth/providers", null],
    ["POST", "/api/auth/signout", null],
  ])("%s %s is %s", (method, path, step) => {
    expect(signInStep(new Request(`http://localhost${path}`, { method }))).toBe(step);
  });
});

describe("sign-in rate limit", () => {
  it("refuses the attempt after the limit with 429, Retry-After and where to go, before next-auth sees it", async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect((await call("POST", "/api/auth/callback/demo", "198.51.100.1")).status).toBe(200);
    const before = reachedNextAuth;
    const refused = await call("POST", "/api/auth/callback/demo", "198.51.100.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("content-type")).toBe("application/json");
    expect(await refused.json()).toEqual({
      detail: expect.stringMatching(/^Rate limit reached: at most 3 sign-in attempts per IP address a minute\. Try again in \d+ s\.$/),
      code: "rate_limited",
      url: "http://localhost:3000/sign-in?error=rate_limited",
    });
    expect(reachedNextAuth).toBe(before);
  });

  it("sends a browser returning from the identity provider to the sign-in page with the reason", async () => {
    for (let attempt = 0; attempt < 3; attempt++) await call("GET", "/api/auth/callback/oidc", "198.51.100.2");
    const refused = await call("GET", "/api/auth/callback/oidc", "198.51.100.2");
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("http://localhost:3000/sign-in?error=rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("counts starting and finishing a sign-in separately, and every address on its own", async () => {
    for (let attempt = 0; attempt < 3; attempt++) await call("POST", "/api/auth/callback/demo", "198.51.100.3");
    expect((await call("POST", "/api/auth/signin/oidc", "198.51.100.3")).status).toBe(200);
    expect((await call("POST", "/api/auth/callback/demo", "198.51.100.4")).status).toBe(200);
  });

  it("never limits what is not a sign-in attempt", async () => {
    for (let request = 0; request < 10; request++) {
      expect((await call("GET", "/api/auth/session", "198.51.100.5")).status).toBe(200);
      expect((await call("GET", "/api/auth/csrf", "198.51.100.5")).status).toBe(200);
    }
  });
});
