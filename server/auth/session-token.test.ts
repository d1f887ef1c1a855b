import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

const SECRET = "test-secret-with-enough-entropy-123456";

describe("session tokens", () => {
  it("round-trips the claims of a valid token", async () => {
    const token = await encodeSessionToken({ sub: "user-1", org: "org-1", role: "reviewer" }, SECRET, 60);
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sub: "user-1", org: "org-1", role: "reviewer" });
  });

  it("rejects tampered tokens, other secrets and garbage", async () => {
    const token = await encodeSessionToken({ sub: "user-1" }, SECRET, 60);
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await decodeSessionToken(tampered, SECRET)).toBeNull();
    expect(await decodeSessionToken(token, `${SECRET}-other`)).toBeNull();
    expect(await decodeSessionToken("not-a-token", SECRET)).toBeNull();
  });

  it("rejects expired tokens, also once cached", async () => {
    const expired = await encodeSessionToken({ sub: "user-1" }, SECRET, -60);
    expect(await decodeSessionToken(expired, SECRET)).toBeNull();
  });
});
