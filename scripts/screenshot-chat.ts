// `npm run screenshots:chat`: the README's pictures of the chat demo, taken from the production
// build on a fresh seeded database in Debian's Chromium: docs/screenshot-chat.png (light),
// docs/screenshot-chat-dark.png and docs/screenshot-reason-prompt.png. Needs `npm run build` first.
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { conversationIdOf, signInAsDemoUser, startDemoServer } from "./lib/demo-server";

const PORT = 3701;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CONVERSATION = "Refund for a duplicate charge";

async function openChat(browser: Browser, base: string, cookie: string, colorScheme: "light" | "dark", deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, colorScheme, deviceScaleFactor });
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/chat/${await conversationIdOf(base, cookie, CONVERSATION)}`);
  // Hydrated: React has taken over the thread.
  await page.waitForFunction(() => Object.keys(document.querySelector('section[aria-label="Messages"]') ?? {}).some((key) => key.startsWith("__reactProps$")));
  return { context, page };
}

const server = await startDemoServer(PORT, path.resolve(".data/screenshots"));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
try {
  const cookie = await signInAsDemoUser(server.base, "member@demo.test");
  for (const colorScheme of ["light", "dark"] as const) {
    const { context, page } = await openChat(browser, server.base, cookie, colorScheme);
    await page.screenshot({ path: `docs/screenshot-chat${colorScheme === "dark" ? "-dark" : ""}.png` });
    await context.close();
  }

  const { context, page } = await openChat(browser, server.base, cookie, "light", 2);
  const answer = page.getByRole("article", { name: "Assistant" }).last();
  await answer.getByRole("button", { name: "Bad response" }).click();
  const prompt = answer.getByRole("dialog", { name: "What went wrong?" });
  await prompt.getByRole("button", { name: "Incomplete" }).click();
  await prompt.getByRole("textbox", { name: "Note" }).fill("It does not say what happens if the card was cancelled.");
  const box = (await answer.boundingBox())!;
  await page.screenshot({ path: "docs/screenshot-reason-prompt.png", clip: { x: box.x - 56, y: box.y - 16, width: Math.min(box.width + 80, 760), height: box.height + 40 } });
  await context.close();
  console.log("Wrote docs/screenshot-chat.png, docs/screenshot-chat-dark.png, docs/screenshot-reason-prompt.png");
} finally {
  await browser.close();
  server.stop();
}
