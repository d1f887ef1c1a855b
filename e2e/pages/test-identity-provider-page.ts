import { expect, type Page } from "@playwright/test";
import { TEST_IDP_ISSUER } from "../support/test-identity-provider";

/** The sign-in form of the test OpenID Connect provider (oidc-provider's development form). */
export class TestIdentityProviderPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown() {
    await this.page.waitForURL(`${TEST_IDP_ISSUER}/interaction/**`);
    await expect(this.page.locator('input[name="login"]')).toBeVisible();
  }

  /** Any password works; the login is the account's email (see e2e/support/test-identity-provider.ts). */
  async signIn(login: string) {
    await this.waitUntilShown();
    await this.page.locator('input[name="login"]').fill(login);
    await this.page.locator('input[name="password"]').fill("any password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
  }
}
