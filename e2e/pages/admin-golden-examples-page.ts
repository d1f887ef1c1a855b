import { expect, type Locator, type Page } from "@playwright/test";
import { toastWith } from "../support/toasts";

/** The golden examples page (/admin/golden-examples). */
export class AdminGoldenExamplesPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly rows: Locator;
  readonly exportJsonl: Locator;
  readonly exportCsv: Locator;
  readonly newExample: Locator;
  readonly newExampleDialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Golden examples" });
    this.search = page.getByRole("searchbox", { name: "Search" });
    this.rows = page.getByTestId("golden-example-row");
    this.exportJsonl = page.getByRole("link", { name: "Export JSONL" });
    this.exportCsv = page.getByRole("link", { name: "Export CSV" });
    this.newExample = page.getByRole("button", { name: "New golden example" });
    this.newExampleDialog = page.getByRole("dialog", { name: "New golden example" });
  }

  async goto(query = "") {
    await this.page.goto(`/admin/golden-examples${query}`);
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await this.search.press("Enter");
    await expect(this.page).toHaveURL(/[?&]q=/);
  }

  /** A field of the "New golden example" dialog by its label. */
  field(name: string): Locator {
    return this.newExampleDialog.getByRole("textbox", { name, exact: true });
  }

  toast(text: string | RegExp): Locator {
    return toastWith(this.page, text);
  }

  /** Downloads an export and returns its name and text. */
  async download(link: Locator): Promise<{ filename: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { filename: download.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
  }
}
