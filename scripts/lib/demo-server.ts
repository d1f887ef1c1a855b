// The production build served on a fresh, seeded SQLite database with the demo sign-in on, for the
// scripts that look at the app as a user does (Lighthouse, screenshots). Needs `npm run build` first.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export interface DemoServer {
  base: string;
  /** Stops `next start` and what it started. */
  stop(): void;
}

export async function startDemoServer(port: number, workDir: string): Promise<DemoServer> {
  const base = `http://localhost:${port}`;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const env = { ...process.env, DATABASE_URL: `file:${path.join(workDir, "demo.db")}`, DEMO_SIGN_IN: "true", NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" };
  if (spawnSync("npm", ["run", "db:setup"], { env, stdio: "ignore" }).status !== 0) throw new Error("db:setup failed");
  // Its own process group, so stopping it also stops the next-server that npx starts.
  const server = spawn("npx", ["next", "start", "-p", String(port)], { env, stdio: "ignore", detached: true });
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/sign-in`)).ok) return { base, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`the server on ${base} did not start`);
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in through next-auth's demo provider as a browser does; returns the session cookie (`name=value`). */
export async function signInAsDemoUser(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/demo`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, callbackUrl: `${base}/chat`, json: "true" }),
  });
  const session = cookiesOf(callback).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`demo sign-in as ${email} failed (${callback.status})`);
  return session;
}

/** The id of the signed-in user's conversation with this title. */
export async function conversationIdOf(base: string, cookie: string, title: string): Promise<string> {
  const list = (await (await fetch(`${base}/api/chat/conversations`, { headers: { cookie } })).json()) as { items: Array<{ id: string; title: string }> };
  const found = list.items.find((item) => item.title === title);
  if (!found) throw new Error(`no conversation "${title}"`);
  return found.id;
}
