// Every admin page, in light and dark, has no axe violations (WCAG 2.x A and AA rules and best practices).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";

const PAGES = [
  { name: "overview", path: "/admin" },
  { name: "queue", path: "/admin/queue?status=all" },
  { name: "golden examples", path: "/admin/golden-examples" },
  { name: "settings", path: "/admin/settings" },
  { name: "members", path: "/admin/members" },
  { name: "API keys", path: "/admin/api-keys" },
  // Not an admin page, but signed in the same way: the personal access tokens.
  { name: "access tokens", path: "/account/tokens" },
  { name: "audit log", path: "/admin/audit" },
];

async function violationsOn(page: Page, name: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return violations.map((violation) => `${name}: ${violation.id} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test.beforeEach(async ({ page }) => {
      await new SignInPage(page).goto();
      await new SignInPage(page).signInAs("Ada Admin");
    });

    for (const { name, path } of PAGES) {
      test(`the ${name} page has no axe violations (${colorScheme})`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await violationsOn(page, name)).toEqual([]);
      });
    }

    test(`a new secret's dialog and a revoke confirmation have no axe violations (${colorScheme})`, async ({ page }) => {
      await page.goto("/account/tokens");
      await page.getByRole("textbox", { name: "Name" }).fill(`a11y ${colorScheme}`);
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      expect(await violationsOn(page, "secret dialog")).toEqual([]);
      await page.getByRole("button", { name: "Done" }).click();
      await page.getByRole("button", { name: `Revoke a11y ${colorScheme}` }).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
      expect(await violationsOn(page, "revoke confirmation")).toEqual([]);
    });

    test(`the new golden example dialog, with its errors showing, has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.goto("/admin/golden-examples");
      await page.getByRole("button", { name: "New golden example" }).click();
      const dialog = page.getByRole("dialog", { name: "New golden example" });
      await dialog.getByRole("button", { name: "Add a turn" }).click();
      await dialog.getByRole("button", { name: "Add example" }).click();
      await expect(dialog.getByText("Turn 1 is empty: write it or remove it.")).toBeVisible();
      expect(await violationsOn(page, "new golden example dialog")).toEqual([]);
    });

    test(`the queue with an item open and the cheat sheet has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.goto("/admin/queue?status=all");
      const itemId = await page.locator("[data-row-open]").first().getAttribute("data-row-open");
      await page.goto(`/admin/queue?status=all&item=${itemId}`);
      await expect(page.getByRole("complementary", { name: "Selected feedback" })).toBeVisible();
      expect(await violationsOn(page, "queue with an item open")).toEqual([]);
      const cheatSheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      // The shortcuts work once the page is interactive (hydrated).
      await expect(async () => {
        await page.keyboard.press("?");
        await expect(cheatSheet).toBeVisible({ timeout: 500 });
      }).toPass();
      expect(await violationsOn(page, "cheat sheet")).toEqual([]);
    });
  });
}
