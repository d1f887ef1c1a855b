// An admin changes a setting in the browser and the very next vote follows it. Runs in the second
// demo organization, so the specs that vote in the first one never see the change.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { AdminGoldenExamplesPage } from "./pages/admin-golden-examples-page";
import { AdminSettingsPage } from "./pages/admin-settings-page";
import { SignInPage } from "./pages/sign-in-page";
import { unratedAssistantMessageOf } from "./support/demo-data";
import { expectFormInputsBehindControlsHidden } from "./support/hidden-form-inputs";

const AUTO_APPROVE_POSITIVE = "Auto-approve positive feedback";

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs(name);
  return page;
}

async function setAutoApprovePositive(settings: AdminSettingsPage, on: boolean) {
  const toggle = settings.setting(AUTO_APPROVE_POSITIVE);
  if ((await toggle.getAttribute("aria-checked")) !== String(on)) await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", String(on));
  await settings.save.click();
  await expect(settings.status).toHaveText("All changes saved");
}

test("an admin's auto-approval setting decides the member's next positive vote, and its golden example appears", async ({ browser }) => {
  const { messageId } = unratedAssistantMessageOf("member@other.test");
  const admin = await signedIn(browser, "Olga Other");
  const member = await signedIn(browser, "Omar Other");
  const settings = new AdminSettingsPage(admin);
  await settings.goto();
  await expect(settings.heading).toBeVisible();
  await expectFormInputsBehindControlsHidden(admin);

  // Off: a positive vote waits for a reviewer.
  await setAutoApprovePositive(settings, false);
  const held = await member.request.post("/api/feedback", { data: { message_id: messageId, feedback_type: "positive" } });
  expect(held.status()).toBe(201);
  expect(await held.json()).toMatchObject({ feedback_type: "positive", status: "pending" });
  expect((await member.request.delete(`/api/feedback/message/${messageId}`)).status()).toBe(204);

  // On again: the next positive vote is auto-approved and becomes a golden example.
  await admin.reload();
  await setAutoApprovePositive(settings, true);
  const approved = await member.request.post("/api/feedback", { data: { message_id: messageId, feedback_type: "positive" } });
  expect(approved.status()).toBe(201);
  expect(await approved.json()).toMatchObject({ feedback_type: "positive", status: "auto_approved" });

  const golden = new AdminGoldenExamplesPage(admin);
  await golden.goto("?q=VPN");
  // Made by the background job: readable within seconds.
  await expect(async () => {
    await admin.reload();
    await expect(golden.rows).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(golden.rows.first()).toContainText("How do I connect to the VPN?");
  await expect(golden.rows.first()).toContainText("Automatic");
});
