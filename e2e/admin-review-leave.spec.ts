// A review action waits out its undo window in the page; leaving the page before then sends it
// anyway (keepalive), so a reviewer who dismisses and moves on loses nothing. Runs in the second
// demo organization, on the one answer of its admin's own conversation that no other spec rates.
import { expect, test } from "@playwright/test";
import { AdminQueuePage } from "./pages/admin-queue-page";
import { SignInPage } from "./pages/sign-in-page";
import { unratedAssistantMessageOf } from "./support/demo-data";

const REASON = "The allowance changed in the spring";

test("a dismissal still in its undo window is sent when the reviewer leaves the page", async ({ page }) => {
  const { messageId } = unratedAssistantMessageOf("admin@other.test");
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs("Olga Other");
  const voted = await page.request.post("/api/feedback", { data: { message_id: messageId, feedback_type: "negative", reason: REASON } });
  expect(voted.status()).toBe(201);
  const { id } = (await voted.json()) as { id: string };
  const statusOf = async () => ((await (await page.request.get(`/api/feedback/admin/${id}`)).json()) as { status: string }).status;

  const queue = new AdminQueuePage(page);
  await queue.goto();
  await queue.searchFor("allowance changed");
  await expect(queue.table.getByRole("row")).toHaveCount(2);
  await queue.press("Escape"); // leaves the search field
  await queue.press("Enter");
  await expect(queue.detail).toContainText(REASON);
  await queue.press("d");
  await expect(queue.toast("Dismissed")).toBeVisible();
  // Held for the undo window: nothing is sent yet.
  expect(await statusOf()).toBe("pending");

  await page.goto("about:blank");
  await expect.poll(statusOf, { timeout: 5_000 }).toBe("dismissed");
});
