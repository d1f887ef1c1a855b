// The chat demo end to end, against the production build and the seeded database: rating answers
// with the mouse and with the keyboard only, a new conversation with a streamed answer, failures,
// sign-in with the way back, and axe scans in light and dark.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";
import { SignInPage } from "./pages/sign-in-page";
import { seededConversationId } from "./support/demo-data";

async function signInToChat(page: Page, path = "/chat"): Promise<ChatPage> {
  await page.goto(path);
  await new SignInPage(page).signInAs("Mia Member", { landsOn: path });
  const chat = new ChatPage(page);
  await chat.waitForHydration();
  return chat;
}

async function reload(chat: ChatPage) {
  await chat.page.reload();
  await chat.waitForHydration();
}

test("a signed-out visitor is sent to sign-in and comes back to the conversation", async ({ page }) => {
  await page.goto("/chat");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fchat");
  const chat = await signInToChat(page, "/chat");
  await chat.openConversation("Team plan pricing");
  const conversationUrl = new URL(page.url()).pathname;

  await page.context().clearCookies();
  await page.goto(conversationUrl);
  await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(conversationUrl)}`);
  await new SignInPage(page).signInAs("Mia Member", { landsOn: conversationUrl });
  await expect(chat.title).toHaveText("Team plan pricing");
  // The seeded thumbs down is on the first paint.
  await chat.answer(0).expectVote("negative");
});

test("rate an answer up, reload, switch to down with a reason and a note, reload, withdraw", async ({ page }) => {
  const chat = await signInToChat(page);
  await chat.openConversation("Invoices in another currency");
  const answer = chat.answer(0);
  await answer.expectVote(null);

  await answer.thumbsUp.click();
  await answer.expectVote("positive");
  await expect(answer.feedbackStatus).toHaveText(/Feedback saved/);
  await reload(chat);
  await answer.expectVote("positive");

  await answer.thumbsDown.click();
  await expect(answer.reasonDialog).toBeVisible();
  await answer.expectVote("negative");
  await answer.reasonOption("Outdated").click();
  await expect(answer.reasonOption("Outdated")).toHaveAttribute("aria-pressed", "true");
  await answer.note.fill("EUR invoices moved to Billing → Currency last month.");
  await answer.send.click();
  await expect(answer.reasonDialog).toBeHidden();

  await reload(chat);
  await answer.expectVote("negative");
  await expect(answer.editReason).toHaveText("Edit reason");
  await answer.editReason.click();
  await expect(answer.reasonOption("Outdated")).toHaveAttribute("aria-pressed", "true");
  await expect(answer.note).toHaveValue("EUR invoices moved to Billing → Currency last month.");
  await answer.reasonDialog.getByRole("button", { name: "Skip" }).click();

  await answer.thumbsDown.click();
  await answer.expectVote(null);
  await expect(answer.feedbackStatus).toHaveText(/Feedback removed/);
  await reload(chat);
  await answer.expectVote(null);
});

test("the same with the keyboard only", async ({ page }) => {
  const chat = await signInToChat(page);
  const link = chat.conversationLink("Resetting a password");
  await chat.tabTo(link);
  await page.keyboard.press("Enter");
  await expect(chat.title).toHaveText("Resetting a password");
  await chat.waitForHydration();
  const answer = chat.answer(1);
  await answer.expectVote(null);

  await chat.tabTo(answer.thumbsUp);
  await page.keyboard.press("Space");
  await answer.expectVote("positive");
  await reload(chat);
  await answer.expectVote("positive");

  await chat.tabTo(answer.thumbsDown);
  await page.keyboard.press("Enter");
  await expect(answer.reasonDialog).toBeVisible();
  await answer.expectVote("negative");
  // Focus moves into the prompt: its first reason option.
  await expect(answer.reasonOption("Incorrect")).toBeFocused();
  await chat.tabTo(answer.reasonOption("Incomplete"));
  await page.keyboard.press("Space");
  await expect(answer.reasonOption("Incomplete")).toHaveAttribute("aria-pressed", "true");
  await chat.tabTo(answer.note);
  await page.keyboard.type("It should say how long the link is valid.");
  await chat.tabTo(answer.send);
  await page.keyboard.press("Enter");
  await expect(answer.reasonDialog).toBeHidden();
  // Focus returns to the thumb the prompt belongs to.
  await expect(answer.thumbsDown).toBeFocused();

  await reload(chat);
  await answer.expectVote("negative");
  await chat.tabTo(answer.editReason);
  await page.keyboard.press("Enter");
  await expect(answer.reasonOption("Incomplete")).toHaveAttribute("aria-pressed", "true");
  await expect(answer.note).toHaveValue("It should say how long the link is valid.");
  // Escape closes the prompt and gives the focus back to the thumb.
  await page.keyboard.press("Escape");
  await expect(answer.reasonDialog).toBeHidden();
  await expect(answer.thumbsDown).toBeFocused();

  await page.keyboard.press("Space");
  await answer.expectVote(null);
  await reload(chat);
  await answer.expectVote(null);
});

test("a new conversation: send a message, watch the answer stream in, rate it, find it after a reload", async ({ page }) => {
  const chat = await signInToChat(page);
  await expect(chat.title).toHaveText("New chat");
  await chat.composer.fill("How do I export all my projects as JSON?");
  await chat.composer.press("Enter");

  // While it streams: the question is shown, the answer grows, its buttons wait for its id, Stop is offered.
  await expect(chat.questions.last()).toHaveText("How do I export all my projects as JSON?");
  await expect(chat.stopButton).toBeVisible();
  const streaming = chat.lastAnswer();
  await expect(streaming.root).toHaveAttribute("aria-busy", "true");
  await expect(streaming.thumbsUp).toBeDisabled();
  await expect(chat.announcement).toHaveText(/The assistant is answering/);

  await chat.waitForAnswer();
  const answer = chat.lastAnswer();
  await expect(answer.root).toHaveAttribute("aria-busy", "false");
  await expect(answer.root).toContainText("Settings → Data → Export");
  await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
  await expect(chat.title).toHaveText("How do I export all my projects as JSON?");
  await expect(chat.conversationLink(/How do I export all my projects as JSON\?/)).toHaveAttribute("aria-current", "page");

  await answer.thumbsUp.click();
  await answer.expectVote("positive");
  await reload(chat);
  await expect(chat.questions).toHaveCount(1);
  await chat.lastAnswer().expectVote("positive");
});

test("a failed answer says why and can be answered again; the question is kept", async ({ page }) => {
  const chat = await signInToChat(page);
  // The answer fails once. The real server stores the question; its answer is cut off (the forwarded
  // request times out, so the server stops it) and replaced by the error event a failing responder sends.
  let failures = 0;
  await page.route("**/api/chat/conversations/*/messages", async (route) => {
    failures++;
    await route.fetch({ timeout: 700 }).catch(() => null);
    await route.fulfill({
      status: 200,
      contentType: "text/event-stream",
      body: `data: ${JSON.stringify({ type: "error", code: "responder_failed", detail: "The assistant service answered 503", retryable: true })}\n\n`,
    });
  });
  await chat.composer.fill("Is the status page up?");
  await chat.composer.press("Enter");
  await expect(chat.noAnswer).toContainText("The assistant could not answer. The assistant service answered 503.");
  await expect(chat.announcement).toHaveText(/The assistant could not answer/);
  expect(failures).toBe(1);
  await page.unroute("**/api/chat/conversations/*/messages");

  await chat.noAnswer.getByRole("button", { name: "Retry" }).click();
  await chat.waitForAnswer();
  await expect(chat.noAnswer).toHaveCount(0);
  await reload(chat);
  await expect(chat.questions).toHaveCount(1);
  await expect(chat.answers).toHaveCount(1);
  await chat.lastAnswer().expectVote(null);
});

test("a message that cannot be sent comes back to the composer", async ({ page }) => {
  const chat = await signInToChat(page);
  await chat.openConversation("Team plan pricing");
  await page.route("**/api/chat/conversations/*/messages", (route) => route.abort("internetdisconnected"));
  await chat.composer.fill("Is there a discount for nonprofits?");
  await chat.composer.press("Enter");
  await expect(page.getByRole("form", { name: "Send a message" }).getByRole("alert")).toContainText("Your message was not sent.");
  await expect(chat.composer).toHaveValue("Is there a discount for nonprofits?");
  await expect(chat.questions).toHaveCount(1);
});

test("a reviewer reads a member's conversation and may rate it, not reply; another organization gets a 404", async ({ page }) => {
  const conversationId = seededConversationId("demo-pricing");
  await page.goto(`/chat/${conversationId}`);
  await new SignInPage(page).signInAs("Rey Reviewer", { landsOn: `/chat/${conversationId}` });
  const chat = new ChatPage(page);
  await chat.waitForHydration();
  await expect(chat.title).toHaveText("Team plan pricing");
  await expect(page.getByText("Another member's conversation: you can read it and rate its answers; only its owner can reply.")).toBeVisible();
  await expect(chat.composer).toHaveCount(0);
  await expect(chat.answer(0).thumbsUp).toBeEnabled();
  // The list beside it is the reviewer's own.
  await expect(chat.conversationLink("Team plan pricing")).toHaveCount(0);

  await page.context().clearCookies();
  await page.goto(`/chat/${conversationId}`);
  await new SignInPage(page).signInAs("Olga Other", { landsOn: `/chat/${conversationId}` });
  await expect(page.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
});

test("an unknown conversation is a clear 404 inside the chat", async ({ page }) => {
  const chat = await signInToChat(page);
  const response = await page.goto("/chat/01900000-0000-7000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
  await expect(chat.newChat).toBeVisible();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations on /chat in ${colorScheme} mode`, async ({ page }) => {
    // A full axe run on a whole thread takes a few seconds on a busy machine.
    test.slow();
    await page.emulateMedia({ colorScheme });
    const chat = await signInToChat(page);
    const scan = async (where: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${where}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
    };
    await scan("new chat");
    // A seeded conversation with a stored vote (and its "Edit reason" button), only read.
    await chat.openConversation("Refund for a duplicate charge");
    await scan("conversation");
    // The reason prompt, on an answer of the test's own conversation.
    await chat.newChat.click();
    await expect(chat.title).toHaveText("New chat");
    await chat.waitForHydration();
    await chat.ask(`Where do I change the invoice currency? (${colorScheme})`);
    const answer = chat.lastAnswer();
    await answer.thumbsDown.click();
    await expect(answer.reasonDialog).toBeVisible();
    await scan("reason prompt open");
  });
}
