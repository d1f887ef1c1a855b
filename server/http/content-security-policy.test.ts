import { describe, expect, it } from "vitest";
import { createNonce, documentContentSecurityPolicy } from "./content-security-policy";

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
