import { describe, expect, it } from "vitest";
import { createNonce, documentContentSecurityPolicy, documentSecurityHeaders, STRICT_TRANSPORT_SECURITY } from "./content-security-policy";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((entry) => [entry.split(" ")[0], entry.split(" ").slice(1).join(" ")]));

describe("content security policy for pages", () => {
  it("runs only scripts with this response's nonce, with no inline scripts, eval or framing", () => {
    const policy = directives(documentContentSecurityPolicy({ nonce: "abc123", development: false, https: false }));
    expect(policy["script-src"]).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy["style-src"]).toBe("'self' 'nonce-abc123'");
    expect(policy["frame-ancestors"]).toBe("'none'");
    expect(policy["object-src"]).toBe("'none'");
    expect(policy["base-uri"]).toBe("'none'");
    expect(Object.values(policy).join(" ")).not.toMatch(/unsafe-(inline|eval)/);
    expect("upgrade-insecure-requests" in policy).toBe(false);
  });

  it("upgrades insecure requests only when served over https", () => {
    expect(documentContentSecurityPolicy({ nonce: "n", development: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });

  it("allows what next dev needs only in development", () => {
    const policy = directives(documentContentSecurityPolicy({ nonce: "n", development: true, https: false }));
    expect(policy["script-src"]).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(policy["style-src"]).toBe("'self' 'unsafe-inline'");
  });

  it("makes a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("security headers for pages", () => {
  it("adds HSTS and upgrades requests only for a production app served over https", () => {
    expect(documentSecurityHeaders("n", { NODE_ENV: "production", NEXTAUTH_URL: "https://feedback.example" })).toEqual({
      "content-security-policy": documentContentSecurityPolicy({ nonce: "n", development: false, https: true }),
      "strict-transport-security": STRICT_TRANSPORT_SECURITY,
    });
    for (const env of [{ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" }, { NODE_ENV: "production" }, { NODE_ENV: "development", NEXTAUTH_URL: "https://dev.example" }]) {
      const headers = documentSecurityHeaders("n", env);
      expect(Object.keys(headers)).toEqual(["content-security-policy"]);
      expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    }
  });

  it("uses the development policy only under next dev", () => {
    expect(documentSecurityHeaders("n", { NODE_ENV: "development" })["content-security-policy"]).toContain("'unsafe-eval'");
    expect(documentSecurityHeaders("n", { NODE_ENV: "production" })["content-security-policy"]).not.toContain("'unsafe-eval'");
  });
});
