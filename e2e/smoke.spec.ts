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
  await expect(home.signInLink).toBeVisible();
});

test("every section the home page links to exists, signed out and signed in", async ({ page }) => {
  const home = new HomePage(page);
  const checkLinks = async () => {
    const hrefs = await home.sectionLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
    }
  };
  await home.goto();
  await checkLinks();
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Ada Admin");
  await checkLinks();
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
