import type { Page } from "@playwright/test";
import { ChatAnswer } from "./chat-page";

/** The other app's chat page (e2e/support/host-app): one answer with the kit's buttons. */
export class HostChatPage {
  readonly answer: ChatAnswer;

  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    this.answer = new ChatAnswer(page.getByRole("article", { name: "Assistant answer" }));
  }

  /** Opens the page for one message of the Feedback Kit app at appUrl. */
  async goto(appUrl: string, messageId: string) {
    await this.page.goto(`${this.origin}/?${new URLSearchParams({ api: appUrl, message: messageId })}`);
  }
}
