import type { Locator, Page } from "@playwright/test";

/** The dialog that shows a new token's or key's secret once. */
export class OneTimeSecretDialog {
  readonly dialog: Locator;
  readonly secret: Locator;
  readonly copy: Locator;
  readonly done: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole("dialog");
    this.secret = this.dialog.getByRole("textbox", { name: "Secret" });
    this.copy = this.dialog.getByRole("button", { name: "Copy secret" });
    this.done = this.dialog.getByRole("button", { name: "Done" });
  }
}
