// A member creates a personal access token in the browser, a script uses it, and revoking it stops it.
import { expect, test } from "@playwright/test";
import { AccountTokensPage } from "./pages/account-tokens-page";
import { SignInPage } from "./pages/sign-in-page";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a member creates a token, copies the secret once, uses it as a bearer token, and revokes it", async ({ page, playwright, baseURL }) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Mia Member");
  await page.getByRole("link", { name: "Access tokens" }).click();
  const tokens = new AccountTokensPage(page);
  await expect(tokens.heading).toBeVisible();

  const name = `e2e script ${Date.now()}`;
  await tokens.name.fill(name);
  await tokens.expiry.selectOption({ label: "7 days" });
  await tokens.create.click();
  const secret = await tokens.secretDialog.secret.inputValue();
  expect(secret).toMatch(/^fk_pat_[\w-]{32}$/);
  await tokens.secretDialog.copy.click();
  await expect(tokens.secretDialog.dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await tokens.secretDialog.done.click();
  await expect(tokens.secretDialog.dialog).toBeHidden();
  await expect(tokens.row(name)).toContainText(secret.slice(0, 13));
  await expect(tokens.row(name)).toContainText("Active");
  // The secret is not on the page any more.
  await expect(page.getByText(secret)).toHaveCount(0);

  // A script with only the token (no cookies): it acts as the member.
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const config = await script.get("/api/feedback/config/");
  expect(config.status()).toBe(200);
  const queue = await script.get("/api/feedback/admin/list");
  expect(queue.status()).toBe(403);
  expect(await queue.json()).toEqual({ detail: "This needs the reviewer role", code: "forbidden" });

  await page.reload();
  // Expires in 7 days and used once: no "Never" left in its row.
  await expect(tokens.row(name)).not.toContainText("Never");
  await tokens.revoke(name).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Revoke the token “${name}”?`);
  await tokens.confirmRevoke.click();
  await expect(tokens.row(name)).toContainText("Revoked");
  await expect(tokens.revoke(name)).toHaveCount(0);

  const refused = await script.get("/api/feedback/config");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).detail).toMatch(/^This personal access token was revoked at /);
  await script.dispose();
});
