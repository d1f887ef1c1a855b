// A reviewer writes a golden example by hand, with the keyboard only, and finds it in the JSONL export.
import { expect, test } from "@playwright/test";
import { AdminGoldenExamplesPage } from "./pages/admin-golden-examples-page";
import { SignInPage } from "./pages/sign-in-page";

const OPENING = "Hi, I have a question about invoices.";
const REPLY = "Of course: what would you like to know?";
const QUESTION = "Can I get my invoices in Norwegian?";
const ANSWER = "Yes: choose Norwegian under Billing → Invoice language; the next invoice uses it.";

test("a reviewer writes a golden example with the keyboard and exports it", async ({ page }) => {
  const golden = new AdminGoldenExamplesPage(page);
  await golden.goto();
  await new SignInPage(page).signInAs("Rey Reviewer", { landsOn: "/admin/golden-examples" });
  await expect(golden.heading).toBeVisible();

  await golden.newExample.focus();
  await page.keyboard.press("Enter");
  await expect(golden.newExampleDialog).toBeVisible();
  // Focus starts on "Add a turn"; each new turn takes the focus into its message.
  await expect(golden.newExampleDialog.getByRole("button", { name: "Add a turn" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(golden.field("Turn 1: message")).toBeFocused();
  await page.keyboard.type(OPENING);
  await page.keyboard.press("Tab"); // → Add a turn
  await page.keyboard.press("Enter");
  await expect(golden.field("Turn 2: message")).toBeFocused();
  await expect(golden.newExampleDialog.getByRole("combobox", { name: "Turn 2: role" })).toHaveValue("assistant");
  await page.keyboard.type(REPLY);
  await page.keyboard.press("Tab"); // → Add a turn
  await page.keyboard.press("Tab"); // → Question
  await expect(golden.field("Question")).toBeFocused();
  await page.keyboard.type(QUESTION);
  await page.keyboard.press("Tab");
  await page.keyboard.type(ANSWER);
  const created = page.waitForResponse((response) => response.url().endsWith("/api/feedback/golden-examples") && response.request().method() === "POST");
  await page.keyboard.press("Control+Enter");
  const response = await created;
  expect(response.status()).toBe(201);
  expect(await response.json()).toMatchObject({ source_type: "manual", approval_type: "manual", original_query: QUESTION, golden_response: ANSWER, original_response: ANSWER, is_active: true });
  await expect(golden.toast("Golden example added")).toBeVisible();
  await expect(golden.newExampleDialog).toHaveCount(0);
  // Radix returns the focus to the button that opened the dialog.
  await expect(golden.newExample).toBeFocused();

  await golden.searchFor("Norwegian");
  await expect(golden.rows).toHaveCount(1);
  await expect(golden.rows.first()).toContainText("By hand");
  const { text } = await golden.download(golden.exportJsonl);
  const records = text.trim().split("\n").map((line) => JSON.parse(line) as { messages: Array<{ role: string; content: string }> });
  expect(records).toEqual([
    {
      messages: [
        { role: "user", content: OPENING },
        { role: "assistant", content: REPLY },
        { role: "user", content: QUESTION },
        { role: "assistant", content: ANSWER },
      ],
    },
  ]);
});
