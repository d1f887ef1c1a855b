// A reviewer works the queue in the browser against the production build: filters, a correction
// written and resolved with the keyboard only, undo and redo, then the golden example and its export.
import { expect, test } from "@playwright/test";
import { AdminGoldenExamplesPage } from "./pages/admin-golden-examples-page";
import { AdminQueuePage } from "./pages/admin-queue-page";
import { SignInPage } from "./pages/sign-in-page";

const QUESTION = "How much does the Team plan cost per seat?";
const CORRECTION = "The Team plan is $10 per seat per month, billed annually, since January.";

test("a reviewer corrects pending negative feedback with the keyboard, undoes and redoes it, and exports the new golden example", async ({ page }) => {
  const queue = new AdminQueuePage(page);
  // Signed out, the queue sends the reviewer to sign in and back.
  await queue.goto();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fqueue$/);
  await new SignInPage(page).signInAs("Rey Reviewer", { landsOn: "/admin/queue" });
  await expect(queue.heading).toBeVisible();

  // Pending is the default status; narrow to negative feedback about the Team plan.
  await expect(queue.status("Pending")).toHaveAttribute("aria-pressed", "true");
  await queue.vote.selectOption("negative");
  await expect(page).toHaveURL(/type=negative/);
  await queue.searchFor("Team plan");
  await expect(queue.table.getByRole("row")).toHaveCount(2);
  await expect(queue.row(QUESTION)).toContainText("Pending");

  // From here on: the keyboard only.
  await queue.press("Escape"); // leaves the search field
  await queue.press("Enter");
  await expect(queue.detail.getByRole("heading", { name: "Feedback from member@demo.test" })).toBeFocused();
  await expect(queue.detail).toContainText("That price is from last year");
  await queue.press("e");
  await expect(queue.correction).toBeFocused();
  await expect(queue.correction).toHaveValue("The Team plan is $8 per seat per month, billed annually.");
  await queue.press("ControlOrMeta+a");
  await page.keyboard.type(CORRECTION);
  await expect(queue.detail.getByTestId("diff-summary")).toHaveText(/added.*removed/);
  await queue.press("Control+Enter");
  await expect(queue.toast(`Resolved “${QUESTION}” with a correction`)).toBeVisible();
  await expect(queue.row(QUESTION)).toContainText("→ Reviewed");

  // Undo: nothing was sent, the item is pending again.
  await queue.press("z");
  await expect(queue.toast(/^Undone: resolved/)).toBeVisible();
  await expect(queue.row(QUESTION)).toContainText("Pending");
  await expect(queue.row(QUESTION)).not.toContainText("→ Reviewed");

  // Redo: the same correction goes out when the undo window closes.
  const sent = page.waitForResponse((response) => response.url().includes("/resolve") && response.request().method() === "POST", { timeout: 15_000 });
  await queue.press("Shift+z");
  await expect(queue.row(QUESTION)).toContainText("→ Reviewed");
  const response = await sent;
  expect(response.status()).toBe(200);
  expect(response.request().postDataJSON()).toMatchObject({ golden_response: CORRECTION, expected_updated_at: expect.any(String) });
  expect(await response.json()).toMatchObject({ status: "reviewed", golden_response: CORRECTION, reviewer_email: "reviewer@demo.test" });
  // The pending list no longer has it.
  await expect(queue.row(QUESTION)).toHaveCount(0);

  // The new golden example, and the JSONL export of the filtered list.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Golden examples" }).click();
  const golden = new AdminGoldenExamplesPage(page);
  await expect(golden.heading).toBeVisible();
  await golden.searchFor("Team plan");
  await expect(golden.rows).toHaveCount(1);
  await expect(golden.rows.first()).toContainText(CORRECTION);
  await expect(golden.rows.first()).toContainText("Reviewer");

  const { filename, text } = await golden.download(golden.exportJsonl);
  expect(filename).toMatch(/^golden-examples-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const records = text.trim().split("\n").map((line) => JSON.parse(line) as { messages: Array<{ role: string; content: string }> });
  expect(records).toHaveLength(1);
  expect(records[0]!.messages.slice(-2)).toEqual([
    { role: "user", content: QUESTION },
    { role: "assistant", content: CORRECTION },
  ]);
});
