import type { Locator, Page } from "@playwright/test";

export class NoAccessPage {
  readonly heading: Locator;
  readonly refusedEmail: Locator;
  readonly signOutButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "You don't have access to Feedback Kit" });
    this.refusedEmail = page.getByTestId("refused-email");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
  }

  async waitUntilShown() {
    await this.page.waitForURL(/\/no-access\?notice=/);
  }

  tryAnotherAccount(providerName: string) {
    return this.page.getByRole("button", { name: `Sign in with another ${providerName} account` }).click();
  }
}
