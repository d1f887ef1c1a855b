// The next-auth route is wrapped in the sign-in rate limit (its behaviour: server/auth/sign-in-rate-limit.test.ts).
import { beforeAll, expect, it } from "vitest";
import { POST } from "./route";

beforeAll(() => {
  process.env.RATE_LIMIT_SIGN_INS_PER_MINUTE = "1";
});

const attempt = () =>
  POST(
    new Request("http://localhost:3000/api/auth/callback/demo", {
      method: "POST",
      headers: { "x-forwarded-for": "203.0.113.9", "content-type": "application/x-www-form-urlencoded" },
      body: "email=member%40example.test",
    }),
    { params: Promise.resolve({ nextauth: ["callback", "demo"] }) },
  );

it("refuses a second sign-in attempt from one address within the minute before next-auth runs", async () => {
  // Whatever next-auth makes of the first one outside a Next.js server, it used up the address's point.
  await attempt().catch(() => undefined);
  const refused = await attempt();
  expect(refused.status).toBe(429);
  expect(await refused.json()).toMatchObject({ code: "rate_limited" });
});
