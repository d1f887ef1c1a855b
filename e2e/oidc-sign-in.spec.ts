// Sign-in through the real OpenID Connect redirect flow, against the test provider that
// playwright.config.ts starts (e2e/support/start-test-identity-provider.ts).
import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { NoAccessPage } from "./pages/no-access-page";
import { SignInPage } from "./pages/sign-in-page";
import { TestIdentityProviderPage } from "./pages/test-identity-provider-page";
import { linkedAccountsOf, userExists } from "./support/demo-data";
import { TEST_IDP_ISSUER, TEST_IDP_NAME, UNVERIFIED_LOGIN_PREFIX } from "./support/test-identity-provider";

test("the single-sign-on button sends the browser to the provider with PKCE and state", async ({ page, baseURL }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  const authorization = page.waitForRequest((request) => request.url().startsWith(`${TEST_IDP_ISSUER}/auth?`));
  await signIn.continueWith(TEST_IDP_NAME);
  const params = new URL((await authorization).url()).searchParams;
  expect(Object.fromEntries(params)).toMatchObject({
    response_type: "code",
    redirect_uri: `${baseURL}/api/auth/callback/oidc`,
    scope: "openid email profile",
    code_challenge_method: "S256",
    code_challenge: expect.stringMatching(/^[\w-]{43}$/),
    state: expect.stringMatching(/.{20,}/),
  });
  // The bug this replaces: a link whose GET next-auth answered by redirecting back to /sign-in.
  await new TestIdentityProviderPage(page).waitUntilShown();
});

test("an invited reviewer signs in through the provider and lands in the app as a reviewer", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.continueWith(TEST_IDP_NAME);
  await new TestIdentityProviderPage(page).signIn("reviewer@demo.test");

  await page.waitForURL("/");
  const home = new HomePage(page);
  await expect(home.signedInUser).toHaveText("Rey Reviewer");
  await expect(page.getByText("(reviewer@demo.test, reviewer)")).toBeVisible();
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toMatchObject({ email: "reviewer@demo.test", role: "reviewer", organizationName: "Acme Support" });
  expect(linkedAccountsOf("reviewer@demo.test")).toContainEqual({ provider: "oidc", providerAccountId: "test-idp|reviewer@demo.test" });
});

test("a stranger lands on the no-access page, which names the refused email, and is not signed in", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.continueWith(TEST_IDP_NAME);
  await new TestIdentityProviderPage(page).signIn("stranger@example.test");

  const noAccess = new NoAccessPage(page);
  await noAccess.waitUntilShown();
  await expect(noAccess.heading).toBeVisible();
  await expect(noAccess.refusedEmail.first()).toHaveText("stranger@example.test");
  await expect(page.getByText("Ask an admin of your organization in Feedback Kit to add stranger@example.test as a member.")).toBeVisible();
  await expect(noAccess.signOutButton).toBeVisible();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  expect(userExists("stranger@example.test")).toBe(false);
});

test("an invited email the provider has not verified is refused", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.continueWith(TEST_IDP_NAME);
  await new TestIdentityProviderPage(page).signIn(`${UNVERIFIED_LOGIN_PREFIX}member@demo.test`);

  const noAccess = new NoAccessPage(page);
  await noAccess.waitUntilShown();
  await expect(page.getByText("Your identity provider has not verified member@demo.test")).toBeVisible();
  expect(linkedAccountsOf("member@demo.test")).toEqual([]);
});

test("from the no-access page someone signs in again with another account", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.continueWith(TEST_IDP_NAME);
  const provider = new TestIdentityProviderPage(page);
  await provider.signIn("someone-else@example.test");
  const noAccess = new NoAccessPage(page);
  await noAccess.waitUntilShown();

  // prompt=login: the provider asks again instead of reusing the session it just refused.
  await noAccess.tryAnotherAccount(TEST_IDP_NAME);
  await provider.signIn("admin@demo.test");
  await page.waitForURL("/");
  await expect(page.getByText("(admin@demo.test, admin)")).toBeVisible();
});

test("a tampered no-access link does not name anyone", async ({ page }) => {
  await page.goto("/no-access?notice=eyJhbGciOiJIUzI1NiJ9.eyJyZWFzb24iOiJub3RfaW52aXRlZCIsImVtYWlsIjoiY2VvQGV4YW1wbGUudGVzdCJ9.AAAA");
  await expect(new NoAccessPage(page).heading).toBeVisible();
  await expect(page.getByText("ceo@example.test")).toHaveCount(0);
  await expect(page.getByText("The account you signed in with is not a member of any organization here.")).toBeVisible();
});

test("a failed or rate-limited sign-in is explained on the sign-in page", async ({ page }) => {
  for (const [code, message] of [
    ["rate_limited", "Too many sign-in attempts from your network. Wait a minute, then try again."],
    ["OAuthCallback", "Signing in with your identity provider did not complete."],
    ["something-else", "Sign-in failed. Try again."],
  ]) {
    await page.goto(`/sign-in?error=${code}`);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(message!);
    await expect(page.getByRole("button", { name: `Continue with ${TEST_IDP_NAME}` })).toBeVisible();
  }
});
