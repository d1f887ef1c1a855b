import type { Locator, Page } from "@playwright/test";

export class HomePage {
  readonly heading: Locator;
  readonly signedInUser: Locator;
  readonly signOutButton: Locator;
  readonly signInLink: Locator;
  /** The links of the "Sections" navigation. */
  readonly sectionLinks: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Feedback Kit" });
    this.signedInUser = page.getByTestId("signed-in-user");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.signInLink = page.getByRole("link", { name: "Sign in" });
    this.sectionLinks = page.getByRole("navigation", { name: "Sections" }).getByRole("link");
  }

  async goto() {
    await this.page.goto("/");
  }
}
