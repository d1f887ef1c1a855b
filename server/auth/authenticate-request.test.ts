// The cross-site checks on cookie-authenticated writes (docs/security.md, "Cross-site requests"),
// and session cookies that are not ours.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/database";
import { sessionCookieName } from "./auth-secret";
import { DomainError } from "@/server/errors";
import { createTestOrganization } from "@/test/fixtures";
import { sessionCookie } from "@/test/http";
import { authenticateRequest } from "./authenticate-request";

let cookie: string;
beforeAll(async () => {
  const org = await createTestOrganization(getDb());
  cookie = await sessionCookie(org.member, org.organization.id, "member");
});

async function outcome(method: string, headers: Record<string, string>) {
  const request = new Request("http://app.example.test/api/feedback", { method, headers: { host: "app.example.test", cookie, ...headers } });
  try {
    const actor = await authenticateRequest(request, { auth: "member" });
    return actor?.kind === "user" ? "allowed" : "no actor";
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

const REFUSED = "cross_site_request: Cross-site request refused";

describe("cookie-authenticated writes", () => {
  it.each([
    ["from our own origin", { origin: "http://app.example.test", "sec-fetch-site": "same-origin" }, "allowed"],
    ["without Origin (same-origin fetches in some browsers, non-browser clients)", {}, "allowed"],
    ["from our origin behind a proxy that sets X-Forwarded-Host", { origin: "https://feedback.example", "x-forwarded-host": "feedback.example" }, "allowed"],
    ["from another site's origin", { origin: "https://evil.example" }, REFUSED],
    ["from a sibling subdomain", { origin: "http://evil.example.test", "sec-fetch-site": "same-site" }, REFUSED],
    ["marked cross-site by the browser, whatever Origin says", { origin: "http://app.example.test", "sec-fetch-site": "cross-site" }, REFUSED],
    ["with an opaque origin (sandboxed frame, cross-site redirect)", { origin: "null" }, REFUSED],
    ["from our host on another port", { origin: "http://app.example.test:8080" }, REFUSED],
  ])("POST %s: %s", async (_label, headers, expected) => {
    expect(await outcome("POST", headers)).toBe(expected);
  });

  it.each(["PUT", "PATCH", "DELETE"])("%s is checked like POST", async (method) => {
    expect(await outcome(method, { origin: "https://evil.example" })).toBe(REFUSED);
  });

  it("lets reads through from anywhere: they change nothing, and CORS keeps their answers from other sites", async () => {
    expect(await outcome("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe("allowed");
  });
});

describe("session cookies that are not a session", () => {
  // Found by app/api/fuzz.int.test.ts: a malformed %-escape made decodeURIComponent throw, a 500.
  it.each(["%E0%A4%A", "%", "", "not-a-token", "x".repeat(10_000)])("%j is a 401, not an error", async (value) => {
    const request = new Request("http://app.example.test/api/feedback", { headers: { cookie: `${sessionCookieName()}=${value}` } });
    await expect(authenticateRequest(request, { auth: "member" })).rejects.toMatchObject({ code: "unauthenticated", status: 401 });
  });
});
