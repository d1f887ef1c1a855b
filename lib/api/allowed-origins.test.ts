import { describe, expect, it } from "vitest";
import { AllowedOriginsSchema, normalizeOrigin } from "./allowed-origins";

describe("normalizeOrigin", () => {
  it.each([
    ["https://chat.example.com", "https://chat.example.com"],
    [" HTTPS://Chat.Example.COM/ ", "https://chat.example.com"],
    ["https://chat.example.com:443", "https://chat.example.com"],
    ["http://localhost:80", "http://localhost"],
    ["http://localhost:3131", "http://localhost:3131"],
    ["http://127.0.0.1:3131/", "http://127.0.0.1:3131"],
    ["http://[::1]:8080", "http://[::1]:8080"],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
  ])("%s is the origin %s, as browsers send it", (input, origin) => {
    expect(normalizeOrigin(input)).toEqual({ origin });
  });

  it.each([
    ["*", "wildcards are not allowed: list each origin"],
    ["https://*.example.com", "wildcards are not allowed: list each origin"],
    ["null", "must start with https:// or http://"],
    ["chat.example.com", "must start with https:// or http://"],
    ["ftp://chat.example.com", "must start with https:// or http://"],
    ["https://chat.example.com/app", "must be an origin only (scheme, host and port): no path, query, fragment or user"],
    ["https://chat.example.com//", "must be an origin only (scheme, host and port): no path, query, fragment or user"],
    ["https://chat.example.com?", "must be an origin only (scheme, host and port): no path, query, fragment or user"],
    ["https://chat.example.com#top", "must be an origin only (scheme, host and port): no path, query, fragment or user"],
    ["https://me:secret@chat.example.com", "must be an origin only (scheme, host and port): no path, query, fragment or user"],
    ["https://", "must be an origin only (scheme, host and port): no path, query, fragment or user"],
    ["https://chat.example.com:99999", "is not a valid origin"],
  ])("refuses %s: %s", (input, error) => {
    expect(normalizeOrigin(input)).toEqual({ error });
  });
});

describe("AllowedOriginsSchema", () => {
  it("normalizes and drops duplicates", () => {
    expect(AllowedOriginsSchema.parse(["https://A.example", "https://a.example:443/", "http://a.example"])).toEqual(["https://a.example", "http://a.example"]);
  });
});
