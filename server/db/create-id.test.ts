import { describe, expect, it } from "vitest";
import { createId } from "./create-id";

describe("createId", () => {
  it("makes cuid-shaped ids that stay unique across many refills of the random pool", () => {
    const ids = Array.from({ length: 20_000 }, () => createId());
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // The random part alone (the last 12 characters) must not repeat either.
    expect(new Set(ids.map((id) => id.slice(13))).size).toBe(ids.length);
  });
});
