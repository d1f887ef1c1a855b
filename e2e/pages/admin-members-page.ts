import { expect, type Locator, type Page } from "@playwright/test";
import { toastWith } from "../support/toasts";

/** The members page (/admin/members). */
export class AdminMembersPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly role: Locator;
  readonly add: Locator;
  readonly rows: Locator;
  readonly formError: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Members" });
    const form = page.getByRole("form", { name: "Add a member" });
    this.email = form.getByRole("textbox", { name: "Email" });
    this.role = form.getByRole("combobox", { name: "Role" });
    this.add = form.getByRole("button", { name: "Add member" });
    this.formError = form.getByRole("alert");
    this.rows = page.getByTestId("member-row");
  }

  async goto() {
    await this.page.goto("/admin/members");
  }

  row(email: string): Locator {
    return this.rows.filter({ hasText: email });
  }

  roleOf(email: string): Locator {
    return this.page.getByRole("combobox", { name: `Role of ${email}` });
  }

  /** A toast's text (the page reports every change in one). */
  toast(text: string | RegExp): Locator {
    return toastWith(this.page, text);
  }

  async invite(email: string, role: "member" | "reviewer" | "admin") {
    await this.email.fill(email);
    await this.role.selectOption(role);
    await this.add.click();
  }

  async changeRole(email: string, role: "member" | "reviewer" | "admin") {
    await this.roleOf(email).selectOption(role);
  }

  async remove(email: string) {
    await this.page.getByRole("button", { name: `Remove ${email}` }).click();
    const dialog = this.page.getByRole("alertdialog", { name: `Remove ${email}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Remove" }).click();
  }
}
