import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { SignInPage } from "./pages/sign-in-page";

const DEMO_USERS = [
  { name: "Mia Member", email: "member@demo.test", role: "member" },
  { name: "Rey Reviewer", email: "reviewer@demo.test", role: "reviewer" },
  { name: "Ada Admin", email: "admin@demo.test", role: "admin" },
  { name: "Olga Other", email: "admin@other.test", role: "admin" },
];

test("the home page says what the app is and offers sign-in", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await expect(home.heading).toBeVisible();
  await expect(page.getByText("You are not signed in.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Chat demo/ })).toHaveAttribute("href", "/chat");
  await expect(page.getByRole("link", { name: /API reference/ })).toHaveAttribute("href", "/api-docs");
  await expect(home.signInLink).toBeVisible();
});

for (const user of DEMO_USERS) {
  test(`demo sign-in as ${user.email} shows the user's name on the home page`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signInAs(user.name);

    const home = new HomePage(page);
    await expect(home.signedInUser).toHaveText(user.name);
    await expect(page.getByText(`(${user.email}, ${user.role})`)).toBeVisible();
  });
}

test("signing out returns to the anonymous home page", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs("Mia Member");
  const home = new HomePage(page);
  await home.signOutButton.click();
  await expect(page.getByText("You are not signed in.")).toBeVisible();
});
