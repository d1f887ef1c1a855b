import { afterEach, describe, expect, it, vi } from "vitest";
import { exitOnConfigProblems } from "./start-up-check";

afterEach(() => vi.restoreAllMocks());

describe("start-up check", () => {
  it("exits with status 1 and names every problem", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    exitOnConfigProblems({ NODE_ENV: "production", RATE_LIMIT_WRITES_PER_MINUTE: "lots" });
    expect(exit).toHaveBeenCalledWith(1);
    const message = String(log.mock.calls[0]?.[0]);
    expect(message).toMatch(/^Feedback Kit cannot start:\n/);
    expect(message).toContain("  - NEXTAUTH_SECRET is not set.");
    expect(message).toContain("  - No sign-in method is configured.");
    expect(message).toContain('  - RATE_LIMIT_WRITES_PER_MINUTE must be a whole number of at least 1, not "lots".');
  });

  it("lets a well-configured server start", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    exitOnConfigProblems({ NODE_ENV: "production", DEMO_SIGN_IN: "true" });
    exitOnConfigProblems({ NODE_ENV: "development" });
    expect(exit).not.toHaveBeenCalled();
  });
});
