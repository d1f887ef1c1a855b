import { expect, type Locator, type Page } from "@playwright/test";

/** One assistant answer of the thread and its feedback buttons. */
export class ChatAnswer {
  readonly thumbsUp: Locator;
  readonly thumbsDown: Locator;
  readonly reasonDialog: Locator;
  readonly editReason: Locator;
  readonly feedbackStatus: Locator;

  constructor(readonly root: Locator) {
    const buttons = root.getByRole("group", { name: "Rate this response" });
    this.thumbsUp = buttons.getByRole("button", { name: "Good response" });
    this.thumbsDown = buttons.getByRole("button", { name: "Bad response" });
    this.reasonDialog = root.getByRole("dialog", { name: "What went wrong?" });
    this.editReason = buttons.getByRole("button", { name: /^(Edit reason|Add a reason)$/ });
    this.feedbackStatus = root.locator('[data-slot="feedback-status"]');
  }

  reasonOption(label: string): Locator {
    return this.reasonDialog.getByRole("button", { name: label });
  }

  get note(): Locator {
    return this.reasonDialog.getByRole("textbox", { name: "Note" });
  }

  get send(): Locator {
    return this.reasonDialog.getByRole("button", { name: "Send" });
  }

  /** Waits until the buttons show a stored vote (or none) and are usable. */
  async expectVote(vote: "positive" | "negative" | null) {
    await expect(this.thumbsUp).toHaveAttribute("aria-pressed", String(vote === "positive"));
    await expect(this.thumbsDown).toHaveAttribute("aria-pressed", String(vote === "negative"));
    await expect(this.thumbsUp).toBeEnabled();
  }
}

export class ChatPage {
  readonly composer: Locator;
  readonly sendButton: Locator;
  readonly stopButton: Locator;
  readonly conversations: Locator;
  readonly newChat: Locator;
  readonly title: Locator;
  readonly answers: Locator;
  readonly questions: Locator;
  /** The thread's live region: "The assistant is answering…", "The assistant answered.", failures. */
  readonly announcement: Locator;
  readonly noAnswer: Locator;

  constructor(readonly page: Page) {
    this.composer = page.getByRole("textbox", { name: "Message" });
    this.sendButton = page.getByRole("button", { name: "Send message" });
    this.stopButton = page.getByRole("button", { name: "Stop the answer" });
    this.conversations = page.getByRole("navigation", { name: "Your conversations" });
    this.newChat = page.getByRole("link", { name: "New chat", exact: true });
    this.title = page.getByRole("main").getByRole("heading", { level: 1 });
    this.answers = page.getByRole("article", { name: "Assistant" });
    this.questions = page.getByRole("article", { name: "You" });
    this.announcement = page.getByRole("main").locator('[role="status"]').last();
    this.noAnswer = page.locator('[data-slot="chat-no-answer"]');
  }

  async goto(conversationId?: string) {
    await this.page.goto(conversationId ? `/chat/${conversationId}` : "/chat");
    await this.waitForHydration();
  }

  /**
   * The server's HTML already shows the thread and the stored votes; it answers clicks once React has
   * hydrated it, which React marks by attaching its props to the elements it took over.
   */
  async waitForHydration() {
    const thread = this.page.getByRole("region", { name: "Messages" });
    await expect.poll(() => thread.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))), { timeout: 15_000 }).toBe(true);
  }

  conversationLink(title: string | RegExp): Locator {
    return this.conversations.getByRole("link", { name: title });
  }

  async openConversation(title: string | RegExp) {
    await this.conversationLink(title).click();
    await expect(this.title).toHaveText(title);
    await this.waitForHydration();
  }

  answer(index: number): ChatAnswer {
    return new ChatAnswer(this.answers.nth(index));
  }

  lastAnswer(): ChatAnswer {
    return new ChatAnswer(this.answers.last());
  }

  /** Sends a message and waits for the streamed answer to be stored (the live region says so). */
  async ask(question: string) {
    await this.composer.fill(question);
    await this.composer.press("Enter");
    await expect(this.questions.last()).toHaveText(question);
    await this.waitForAnswer();
  }

  async waitForAnswer() {
    await expect(this.announcement).toHaveText(/The assistant answered\./, { timeout: 20_000 });
    await expect(this.sendButton).toBeVisible();
  }

  /** Presses Tab until `target` has the focus: proves it can be reached with the keyboard. */
  async tabTo(target: Locator, { backwards = false, maxPresses = 80 } = {}) {
    for (let presses = 0; presses < maxPresses; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await this.page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    }
    throw new Error(`could not reach ${target} with ${backwards ? "Shift+Tab" : "Tab"} in ${maxPresses} presses`);
  }
}
