import { expect, type Locator, type Page } from "@playwright/test";
import { toastWith } from "../support/toasts";

/** The review queue (/admin/queue). */
export class AdminQueuePage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly detail: Locator;
  readonly correction: Locator;
  readonly search: Locator;
  readonly vote: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Review queue" });
    this.table = page.getByRole("table", { name: "Feedback queue" });
    this.detail = page.getByRole("complementary", { name: "Selected feedback" });
    this.correction = page.getByRole("textbox", { name: "Corrected answer" });
    this.search = page.getByRole("searchbox", { name: "Search" });
    this.vote = page.getByRole("combobox", { name: "Vote" });
  }

  async goto(query = "") {
    await this.page.goto(`/admin/queue${query}`);
  }

  status(label: string) {
    return this.page.getByRole("group", { name: "Status" }).getByRole("button", { name: new RegExp(`^${label}\\b`) });
  }

  row(question: string | RegExp) {
    return this.table.getByRole("row").filter({ hasText: question });
  }

  toast(text: string | RegExp) {
    return toastWith(this.page, text);
  }

  /** Searches and waits for the URL (the filters' home) to say so. */
  async searchFor(text: string) {
    await this.search.fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "(\\+|%20)")}`));
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
  }
}
