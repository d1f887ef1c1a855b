// Who sees the review app: reviewers and admins; members get a page that says why; signed-out
// visitors are sent to sign in and brought back.
import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { SignInPage } from "./pages/sign-in-page";

test("a signed-out visitor is sent to sign in and comes back to the admin page asked for", async ({ page }) => {
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fsettings$/);
  await new SignInPage(page).signInAs("Ada Admin", { landsOn: "/admin/settings" });
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("a member sees no Admin link and a clear page instead of the review app", async ({ page }) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Mia Member");
  const home = new HomePage(page);
  await expect(home.sectionLinks.filter({ hasText: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/queue", "/admin/settings"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "The review app is for reviewers and admins" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  }
});

test("reviewers find the review app from the home page and read the settings without changing them", async ({ page }) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Rey Reviewer");
  await new HomePage(page).sectionLinks.filter({ hasText: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByText("Only admins can change these settings; you can read them.")).toBeVisible();
  await expect(page.getByRole("switch", { name: "Feedback is on" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
});
