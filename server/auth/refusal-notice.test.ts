import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeRefusalNotice, encodeRefusalNotice } from "./refusal-notice";

const SECRET = "test-secret-with-enough-entropy-123456";

afterEach(() => vi.useRealTimers());

describe("no-access notice", () => {
  it("round-trips the refused email and reason", async () => {
    const token = await encodeRefusalNotice({ reason: "not_invited", email: "stranger@example.test" }, SECRET);
    expect(await decodeRefusalNotice(token, SECRET)).toEqual({ reason: "not_invited", email: "stranger@example.test" });
  });

  it("ignores notices signed with another secret, tampered with, or missing", async () => {
    const token = await encodeRefusalNotice({ reason: "not_invited", email: "a@example.test" }, SECRET);
    expect(await decodeRefusalNotice(token, `${SECRET}-other`)).toBeNull();
    const [header, , signature] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ reason: "not_invited", email: "ceo@example.test" })).toString("base64url");
    expect(await decodeRefusalNotice(`${header}.${forgedPayload}.${signature}`, SECRET)).toBeNull();
    expect(await decodeRefusalNotice("garbage", SECRET)).toBeNull();
    expect(await decodeRefusalNotice(undefined, SECRET)).toBeNull();
  });

  it("ignores a notice with a reason it does not know, and an expired one", async () => {
    const unknownReason = await encodeRefusalNotice({ reason: "banned" as never, email: "a@example.test" }, SECRET);
    expect(await decodeRefusalNotice(unknownReason, SECRET)).toBeNull();
    const token = await encodeRefusalNotice({ reason: "email_missing", email: null }, SECRET);
    expect(await decodeRefusalNotice(token, SECRET)).toEqual({ reason: "email_missing", email: null });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 11 * 60 * 1000);
    expect(await decodeRefusalNotice(token, SECRET)).toBeNull();
  });
});
