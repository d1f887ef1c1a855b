import type { Locator, Page } from "@playwright/test";
import { OneTimeSecretDialog } from "./one-time-secret-dialog";

/** The personal access tokens page (/account/tokens). */
export class AccountTokensPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly expiry: Locator;
  readonly create: Locator;
  readonly table: Locator;
  readonly secretDialog: OneTimeSecretDialog;
  readonly confirmRevoke: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Personal access tokens" });
    const form = page.getByRole("form", { name: "Create a personal access token" });
    this.name = form.getByRole("textbox", { name: "Name" });
    this.expiry = form.getByRole("combobox", { name: "Expires" });
    this.create = form.getByRole("button", { name: "Create token" });
    this.table = page.getByRole("table", { name: "Your personal access tokens" });
    this.secretDialog = new OneTimeSecretDialog(page);
    this.confirmRevoke = page.getByRole("alertdialog").getByRole("button", { name: "Revoke" });
  }

  async goto() {
    await this.page.goto("/account/tokens");
  }

  row(name: string) {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  revoke(name: string) {
    return this.row(name).getByRole("button", { name: `Revoke ${name}` });
  }
}
