import type { Locator, Page } from "@playwright/test";

/** The settings page (/admin/settings). */
export class AdminSettingsPage {
  readonly heading: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly allowedOrigins: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Settings" });
    this.save = page.getByRole("button", { name: "Save settings" });
    this.status = page.locator("form[data-slot=settings-form]").getByRole("status");
    this.allowedOrigins = page.getByRole("textbox", { name: "Sites that embed the feedback buttons (one origin a line)" });
  }

  async goto() {
    await this.page.goto("/admin/settings");
  }

  setting(label: string) {
    return this.page.getByRole("switch", { name: label });
  }
}
