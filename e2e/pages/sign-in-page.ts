import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/sign-in");
  }

  /** Signs in through the demo picker as the seeded user with this display name; `landsOn` is where the sign-in returns to. */
  async signInAs(name: string, { landsOn = "/" }: { landsOn?: string | RegExp } = {}) {
    await this.page.getByRole("button", { name: new RegExp(`^Sign in as ${name}`) }).click();
    await this.page.waitForURL(landsOn);
  }

  /** Starts a sign-in with an identity provider by its button. */
  async continueWith(providerName: string) {
    await this.page.getByRole("button", { name: `Continue with ${providerName}` }).click();
  }
}
