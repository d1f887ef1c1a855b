import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const request = (forwardedFor?: string) =>
  new Request("http://localhost/api/auth/callback/demo", { headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } });

describe("client IP address", () => {
  it("is the address Next.js recorded when nothing is in front of the app", () => {
    expect(clientIp(request("203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("is the entry the outermost trusted proxy appended, whatever the client sent before it", () => {
    // client sent "1.1.1.1"; the load balancer appended the client's real address.
    expect(clientIp(request("1.1.1.1, 198.51.100.4"), 1)).toBe("198.51.100.4");
    // CDN appended the client, the load balancer appended the CDN's address.
    expect(clientIp(request("1.1.1.1, 198.51.100.4, 10.0.0.2"), 2)).toBe("198.51.100.4");
    expect(clientIp(request(" 198.51.100.4 ,10.0.0.2 "), 2)).toBe("198.51.100.4");
  });

  it("falls back to the leftmost entry when fewer proxies appended than are trusted", () => {
    expect(clientIp(request("198.51.100.4"), 3)).toBe("198.51.100.4");
  });

  it("is one shared key when there is no address at all", () => {
    expect(clientIp(request(), 1)).toBe("unknown");
    expect(clientIp(request(" , "), 1)).toBe("unknown");
  });
});
