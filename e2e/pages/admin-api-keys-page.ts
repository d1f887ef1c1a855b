import type { Locator, Page } from "@playwright/test";
import { OneTimeSecretDialog } from "./one-time-secret-dialog";

/** The organization's API keys page (/admin/api-keys). */
export class AdminApiKeysPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly create: Locator;
  readonly table: Locator;
  readonly secretDialog: OneTimeSecretDialog;
  readonly confirmRevoke: Locator;
  readonly adminsOnly: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "API keys" });
    const form = page.getByRole("form", { name: "Create an API key" });
    this.name = form.getByRole("textbox", { name: "Name" });
    this.create = form.getByRole("button", { name: "Create API key" });
    this.table = page.getByRole("table", { name: "API keys" });
    this.secretDialog = new OneTimeSecretDialog(page);
    this.confirmRevoke = page.getByRole("alertdialog").getByRole("button", { name: "Revoke" });
    this.adminsOnly = page.getByText("Only admins manage API keys.");
  }

  async goto() {
    await this.page.goto("/admin/api-keys");
  }

  scope(name: string) {
    return this.page.getByRole("form", { name: "Create an API key" }).getByRole("checkbox", { name: new RegExp(`^${name}`) });
  }

  row(name: string) {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  revoke(name: string) {
    return this.row(name).getByRole("button", { name: `Revoke ${name}` });
  }
}
