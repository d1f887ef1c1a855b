// Issue #11: another app on another origin embeds the kit. Its backend mints a feedback token with
// an organization API key; the kit in its page sends the vote straight to our API, which answers
// CORS for that origin because an admin allowed it. The same page on an origin nobody allowed is
// refused by the browser, and nothing is stored. The host app: e2e/support/host-app.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { HOST_ORIGIN, REFUSED_HOST_ORIGIN } from "./support/host-app/host-app-origins";
import { AdminSettingsPage } from "./pages/admin-settings-page";
import { ChatPage } from "./pages/chat-page";
import { HostChatPage } from "./pages/host-chat-page";
import { SignInPage } from "./pages/sign-in-page";
import { createDemoApiKey, seededAnswerOf } from "./support/demo-data";

test.describe.configure({ mode: "serial" });

/** The host's signed-in user; the answers below are in seeded chats that no other spec votes in. */
const USER = { email: "reviewer@demo.test", name: "Rey Reviewer" };

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs(name);
  return page;
}

/** Every request the page sends to the Feedback Kit app, with the headers the browser really sent. */
function apiRequestsOf(page: Page, appUrl: string) {
  const requests: Array<{ method: string; path: string; authorization?: string; cookie?: string }> = [];
  page.on("request", async (request) => {
    if (!request.url().startsWith(appUrl)) return;
    const headers = await request.allHeaders();
    requests.push({ method: request.method(), path: new URL(request.url()).pathname, authorization: headers.authorization, cookie: headers.cookie });
  });
  return requests;
}


test.beforeAll(async ({ request }) => {
  // The host's backend holds an API key that may mint feedback tokens, and has the user signed in.
  const apiKey = createDemoApiKey("demo", "host app (e2e)", ["feedback_tokens:mint"]);
  expect((await request.post(`${HOST_ORIGIN}/test/session`, { data: { apiKey, userEmail: USER.email } })).status()).toBe(204);
});

test("an allowed origin's page submits feedback with a feedback token, and the vote shows in the app", async ({ browser, baseURL }) => {
  const appUrl = baseURL!;
  const { messageId, conversationId } = seededAnswerOf("demo-shortcuts", 0);
  const admin = await signedIn(browser, "Ada Admin");
  const settings = new AdminSettingsPage(admin);
  await settings.goto();
  await settings.allowedOrigins.fill(HOST_ORIGIN);
  await settings.save.click();
  await expect(settings.status).toHaveText("All changes saved");

  const host = new HostChatPage(await (await browser.newContext()).newPage(), HOST_ORIGIN);
  const sent = apiRequestsOf(host.page, appUrl);
  await host.goto(appUrl, messageId);
  await host.answer.expectVote(null);
  await host.answer.thumbsUp.click();
  await expect(host.answer.feedbackStatus).toHaveText("Feedback saved");
  await host.answer.expectVote("positive");
  // Straight to our API with the bearer token, never a cookie of ours.
  expect(sent.filter((request) => request.method === "POST")).toEqual([{ method: "POST", path: "/api/feedback", authorization: expect.stringMatching(/^Bearer \S+$/), cookie: undefined }]);
  expect(sent.every((request) => request.cookie === undefined)).toBe(true);

  // The user sees the vote in the app's own chat.
  const chat = new ChatPage(await signedIn(browser, USER.name));
  await chat.goto(conversationId);
  await chat.answer(0).expectVote("positive");
});

test("a page on an origin nobody allowed is refused by CORS: the browser's fetch fails and nothing is stored", async ({ browser, baseURL, request }) => {
  const appUrl = baseURL!;
  const { messageId } = seededAnswerOf("demo-teammate", 0);
  const host = new HostChatPage(await (await browser.newContext()).newPage(), REFUSED_HOST_ORIGIN);
  const sent = apiRequestsOf(host.page, appUrl);
  await host.goto(appUrl, messageId);
  // The kit cannot even read the stored vote: it says so and keeps the thumbs disabled.
  await expect(host.answer.root.getByText("Your earlier feedback could not be loaded.")).toBeVisible({ timeout: 20_000 });
  await expect(host.answer.thumbsUp).toBeDisabled();
  // Only reads (their preflights) went out; no vote did.
  expect(sent.filter((request) => request.method === "POST")).toEqual([]);
  // What the kit met: fetch itself rejects, the answer stays hidden from the page.
  const outcome = await host.page.evaluate(
    (url) =>
      fetch(url, { method: "POST", headers: { authorization: "Bearer anything", "content-type": "application/json" }, body: "{}" }).then(
        (response) => `answered ${response.status}`,
        (error: unknown) => (error instanceof TypeError ? "TypeError" : String(error)),
      ),
    `${appUrl}/api/feedback`,
  );
  expect(outcome).toBe("TypeError");
  // The preflight the browser sent was refused; the allowed origin's is not.
  const preflight = (origin: string) => request.fetch(`${appUrl}/api/feedback/`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" }, maxRedirects: 0 });
  const refused = await preflight(REFUSED_HOST_ORIGIN);
  expect({ status: refused.status(), allowOrigin: refused.headers()["access-control-allow-origin"] }).toEqual({ status: 403, allowOrigin: undefined });
  const allowed = await preflight(HOST_ORIGIN);
  expect({ status: allowed.status(), allowOrigin: allowed.headers()["access-control-allow-origin"], maxAge: allowed.headers()["access-control-max-age"] }).toEqual({
    status: 204,
    allowOrigin: HOST_ORIGIN,
    maxAge: "600",
  });

  const user = await signedIn(browser, USER.name);
  expect(await (await user.request.get(`/api/feedback/message/${messageId}`)).json()).toBeNull();
});
