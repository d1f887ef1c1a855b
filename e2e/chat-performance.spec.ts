// Opening a 200-message conversation asks the feedback API nothing from the browser: its votes and
// the organization's settings come with the server-rendered page (docs/performance-kit.md).
import { expect, test } from "@playwright/test";
import { ChatPage } from "./pages/chat-page";
import { SignInPage } from "./pages/sign-in-page";

const LONG_THREAD = "Moving to the new workspace (long thread)";
/** Answers the spec rates first (well away from the oldest ones, which other specs pick as unrated). */
const RATED_ANSWERS = [40, 47, 54, 61, 68, 75, 82, 89];

test("opening a 200-message conversation makes no request to /api/feedback*, and its votes are on the first paint", async ({ page }) => {
  await page.goto("/sign-in");
  await new SignInPage(page).signInAs("Mia Member");
  const list = (await (await page.request.get("/api/chat/conversations")).json()) as { items: Array<{ id: string; title: string }> };
  const conversationId = list.items.find((item) => item.title === LONG_THREAD)?.id;
  expect(conversationId).toBeDefined();
  const conversation = (await (await page.request.get(`/api/chat/conversations/${conversationId}`)).json()) as { messages: Array<{ id: string; role: string }> };
  expect(conversation.messages).toHaveLength(200);
  const answers = conversation.messages.filter((message) => message.role === "assistant");
  for (const [index, answer] of RATED_ANSWERS.entries()) {
    const vote = await page.request.post("/api/feedback", { data: { message_id: answers[answer]!.id, feedback_type: index % 2 === 0 ? "positive" : "negative" } });
    expect(vote.ok()).toBe(true);
  }

  const feedbackRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/feedback")) feedbackRequests.push(`${request.method()} ${request.url()}`);
  });
  const chat = new ChatPage(page);
  await chat.goto(conversationId);
  await expect(chat.answers).toHaveCount(100);
  for (const [index, answer] of RATED_ANSWERS.entries()) await chat.answer(answer).expectVote(index % 2 === 0 ? "positive" : "negative");
  await chat.answer(0).expectVote(null);
  // Time for anything the page might still fetch once hydrated.
  await page.waitForLoadState("networkidle");
  expect(feedbackRequests).toEqual([]);

  // The stored votes are in the server's HTML itself: no flash of unrated buttons before hydration.
  const html = await (await page.request.get(`/chat/${conversationId}`)).text();
  expect(html.match(/aria-label="Good response" aria-pressed="true"/g)).toHaveLength(RATED_ANSWERS.length / 2);
  expect(html.match(/aria-label="Bad response" aria-pressed="true"/g)).toHaveLength(RATED_ANSWERS.length / 2);
});
