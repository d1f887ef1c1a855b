// An admin creates an organization API key with one scope, a backend uses it within that scope, and
// revoking it stops it at once. Runs in the second demo organization, away from the voting specs.
import { expect, test } from "@playwright/test";
import { AdminApiKeysPage } from "./pages/admin-api-keys-page";
import { SignInPage } from "./pages/sign-in-page";
import { expectFormInputsBehindControlsHidden } from "./support/hidden-form-inputs";

test("an admin creates a key for minting feedback tokens, the backend mints one, and revoking the key stops it", async ({ page, playwright, baseURL }) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Olga Other");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "API keys" }).click();
  const keys = new AdminApiKeysPage(page);
  await expect(keys.heading).toBeVisible();
  await expectFormInputsBehindControlsHidden(page);

  const name = `e2e backend ${Date.now()}`;
  await keys.name.fill(name);
  await keys.scope("conversations:write").click();
  await keys.scope("feedback_tokens:mint").click();
  await expect(keys.scope("conversations:write")).toHaveAttribute("aria-checked", "false");
  await keys.create.click();
  const secret = await keys.secretDialog.secret.inputValue();
  expect(secret).toMatch(/^fk_key_[\w-]{32}$/);
  await keys.secretDialog.done.click();
  await expect(keys.row(name)).toContainText("feedback_tokens:mint");
  await expect(keys.row(name)).not.toContainText("conversations:write");
  await expect(keys.row(name)).toContainText("by admin@other.test");

  const backend = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const minted = await backend.post("/api/feedback-tokens", { data: { user_email: "member@other.test" } });
  expect(minted.status()).toBe(201);
  expect(await minted.json()).toMatchObject({ token_type: "Bearer", expires_in: 900 });
  const ingest = await backend.post("/api/conversations", { data: { user_email: "member@other.test" } });
  expect(ingest.status()).toBe(403);
  expect(await ingest.json()).toEqual({ detail: 'This API key lacks the "conversations:write" scope this endpoint needs', code: "missing_scope" });

  await keys.revoke(name).click();
  await keys.confirmRevoke.click();
  await expect(keys.row(name)).toContainText("Revoked");
  const refused = await backend.post("/api/feedback-tokens", { data: { user_email: "member@other.test" } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ detail: "Invalid or revoked API key", code: "unauthenticated" });
  await backend.dispose();
});

test("a reviewer sees that only admins manage API keys", async ({ page }) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Rey Reviewer");
  const keys = new AdminApiKeysPage(page);
  await keys.goto();
  await expect(keys.heading).toBeVisible();
  await expect(keys.adminsOnly).toBeVisible();
  await expect(keys.create).toHaveCount(0);
});
