// Members (issue #11): an admin invites someone, who signs in with the role they were given; a role
// change and the removal reach that person's open session at once on this instance; the last admin
// cannot step down; and a signed-out session's cookie, replayed, is refused.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { AdminMembersPage } from "./pages/admin-members-page";
import { HomePage } from "./pages/home-page";
import { NoAccessPage } from "./pages/no-access-page";
import { SignInPage } from "./pages/sign-in-page";

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new SignInPage(page).goto();
  await new SignInPage(page).signInAs(name);
  return page;
}

test("an admin invites a reviewer, demotes and removes them, and their session follows each change", async ({ browser }) => {
  const email = `invitee-${randomUUID().slice(0, 8)}@demo.test`;
  const admin = await signedIn(browser, "Ada Admin");
  const members = new AdminMembersPage(admin);
  await members.goto();
  await expect(members.heading).toBeVisible();

  await members.invite(email, "reviewer");
  await expect(members.roleOf(email)).toHaveValue("reviewer");
  await expect(members.row(email)).toContainText("Not signed in yet");
  await expect(members.email).toHaveValue("");

  // Adding them again says why not.
  await members.invite(email.toUpperCase(), "member");
  await expect(members.formError).toHaveText(`${email} is already a member of this organization; change their role instead`);

  // The invited email signs in (the demo picker lists every member) and is a reviewer.
  const invitee = await signedIn(browser, email);
  expect((await invitee.request.get("/api/feedback/admin/stats")).status()).toBe(200);

  await members.changeRole(email, "member");
  await expect(members.toast(`${email} is now member`)).toBeVisible();
  expect((await invitee.request.get("/api/feedback/admin/stats")).status()).toBe(403);
  expect((await invitee.request.get("/api/feedback/config")).status()).toBe(200);

  await members.remove(email);
  await expect(members.row(email)).toHaveCount(0);
  expect((await invitee.request.get("/api/feedback/config")).status()).toBe(401);
  await invitee.goto("/chat");
  await expect(new NoAccessPage(invitee).heading).toBeVisible();
});

test("the last admin can neither demote nor remove themselves", async ({ browser }) => {
  const admin = await signedIn(browser, "Ada Admin");
  const members = new AdminMembersPage(admin);
  await members.goto();
  await members.changeRole("admin@demo.test", "reviewer");
  await expect(members.toast("admin@demo.test is the organization's last admin; make someone else an admin first")).toBeVisible();
  await expect(members.roleOf("admin@demo.test")).toHaveValue("admin");
  await members.remove("admin@demo.test");
  await expect(members.toast("Not removed")).toBeVisible();
  await expect(members.row("admin@demo.test")).toHaveCount(1);
  expect((await admin.request.get("/api/admin/members")).status()).toBe(200);
});

test("a signed-out session's cookie, replayed, is refused", async ({ browser, playwright, baseURL }) => {
  const page = await signedIn(browser, "Mia Member");
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${session!.name}=${session!.value}` } });
  expect((await replay.get("/api/feedback/config")).status()).toBe(200);

  await new HomePage(page).signOutButton.click();
  await expect(page.getByText("You are not signed in.")).toBeVisible();
  const refused = await replay.get("/api/feedback/config");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: "unauthenticated" });
  await replay.dispose();
});
