import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/sign-in");
  }

  /** Signs in through the demo picker as the seeded user with this display name, and waits to land on `landing`. */
  async signInAs(name: string, landing: string | RegExp = "/") {
    await this.page.getByRole("button", { name: new RegExp(`^Sign in as ${name}`) }).click();
    await this.page.waitForURL(landing);
  }
}
