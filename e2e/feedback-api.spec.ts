// The feedback API end to end against the production build: signed in through the demo sign-in,
// the browser's session cookie is all a client needs.
import { expect, test } from "@playwright/test";
import { unratedAssistantMessageOf } from "./support/demo-data";
import { SignInPage } from "./pages/sign-in-page";

test("a signed-in member votes, changes the vote, reads it back and withdraws it", async ({ page }) => {
  const { messageId, conversationId } = unratedAssistantMessageOf("member@demo.test");
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Mia Member");
  const api = page.request;

  const created = await api.post("/api/feedback", { data: { message_id: messageId, feedback_type: "positive" } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ message_id: messageId, feedback_type: "positive", status: "auto_approved" });

  const changed = await api.post("/api/feedback", { data: { message_id: messageId, feedback_type: "negative", reason: "Out of date" } });
  expect(changed.status()).toBe(200);
  expect(await changed.json()).toMatchObject({ feedback_type: "negative", status: "pending", reason: "Out of date" });

  const single = await api.get(`/api/feedback/message/${messageId}`);
  expect(await single.json()).toMatchObject({ message_id: messageId, feedback_type: "negative" });
  const conversation = await api.get(`/api/feedback?conversation_id=${conversationId}`);
  expect((await conversation.json()).items).toContainEqual(expect.objectContaining({ message_id: messageId }));

  expect((await api.delete(`/api/feedback/message/${messageId}`)).status()).toBe(204);
  expect(await (await api.get(`/api/feedback/message/${messageId}`)).json()).toBeNull();
});

test("clients of the original API: trailing slashes reach the handlers without a redirect, unknown fields are ignored", async ({ page }) => {
  const { messageId } = unratedAssistantMessageOf("member@demo.test", 1);
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Mia Member");
  const api = page.request;
  const created = await api.post("/api/feedback/", {
    data: { message_id: messageId, feedback_type: "negative", reason: "Outdated", query_type: "billing" },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(201);
  expect(await created.json()).not.toHaveProperty("query_type");
  const read = await api.get(`/api/feedback/message/${messageId}/`, { maxRedirects: 0 });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ message_id: messageId, reason: "Outdated" });
  expect((await api.delete(`/api/feedback/message/${messageId}/`, { maxRedirects: 0 })).status()).toBe(204);
  // A preflight for the slash path is answered by the app itself, not with a 308 it cannot follow.
  const preflight = await api.fetch("/api/feedback/", { method: "OPTIONS", maxRedirects: 0 });
  expect(preflight.status()).not.toBe(308);
});

test("the API refuses anonymous callers and bad input with JSON errors", async ({ request }) => {
  const anonymous = await request.post("/api/feedback", { data: { message_id: "x", feedback_type: "positive" } });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ detail: "Authentication required: sign in or send a bearer token" });
});

test("the OpenAPI document and the API reference are served", async ({ page, request }) => {
  const document = await request.get("/api/openapi.json");
  expect(document.status()).toBe(200);
  const openapi = await document.json();
  expect(openapi.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.paths)).toContain("/api/feedback");
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("/api/feedback/message/{message_id}").first()).toBeVisible();
});
