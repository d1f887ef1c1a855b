// Every page runs under a Content-Security-Policy with a per-response nonce (proxy.ts) and breaks
// nothing; API responses carry the non-HTML headers (next.config.mjs).
import { expect, test, type Page } from "@playwright/test";

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

for (const path of ["/", "/sign-in", "/api-docs", "/no-access", "/no-such-page"]) {
  test(`${path} runs under a nonce policy, hydrates, and reports no violation`, async ({ page }) => {
    await recordViolations(page);
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
    });
    const response = await page.goto(path);
    const policy = response!.headers()["content-security-policy"]!;
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response!.headers()).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "cross-origin-opener-policy": "same-origin",
    });
    // Plain http here: no HSTS (it is for production over https, see server/http/content-security-policy.test.ts).
    expect(response!.headers()["strict-transport-security"]).toBeUndefined();

    // React took over the server-rendered page, so every script it needed ran.
    await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__react")))).toBe(true);
    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test("each response has a nonce of its own", async ({ request }) => {
  const policies = await Promise.all([request.get("/sign-in"), request.get("/sign-in")].map(async (response) => (await response).headers()["content-security-policy"]!));
  expect(nonceOf(policies[0]!)).not.toBe(nonceOf(policies[1]!));
});

test("markup injected into a page cannot run scripts, event handlers or styles", async ({ page }) => {
  // Stands in for stored XSS: the real response, policy included, with attacker markup in its HTML.
  await page.route("/sign-in", async (route) => {
    const response = await route.fetch();
    const injected = [
      "<script>window.injectedScriptRan = true</script>",
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.injectedHandlerRan = true">',
      "<style>body { outline: 7px solid red }</style>",
    ].join("");
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });
  await recordViolations(page);
  await page.goto("/sign-in");
  await expect.poll(() => page.evaluate(() => window.cspViolations.length)).toBeGreaterThanOrEqual(3);
  const outcome = await page.evaluate(() => {
    const flags = window as unknown as Record<string, unknown>;
    return { script: flags.injectedScriptRan ?? false, handler: flags.injectedHandlerRan ?? false, outline: getComputedStyle(document.body).outlineStyle };
  });
  expect(outcome).toEqual({ script: false, handler: false, outline: "none" });
  expect(await page.evaluate(() => window.cspViolations)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src-attr inline/), expect.stringMatching(/^style-src-elem inline/)]),
  );
  // The page's own scripts still ran: the demo sign-in works.
  await page.getByRole("button", { name: /^Sign in as Mia Member/ }).click();
  await page.waitForURL("/");
});

test("API responses carry the non-HTML headers, errors included", async ({ request }) => {
  for (const response of [await request.get("/api/health"), await request.post("/api/feedback", { data: {} }), await request.get("/api/openapi.json")]) {
    expect(response.headers()).toMatchObject({
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "cross-origin-resource-policy": "same-origin",
    });
  }
});
