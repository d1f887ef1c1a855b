// The original API's kind of client, run against the app's real route handlers: with a personal
// access token only it gets exactly what it gets with a session, on every user and admin endpoint
// it calls. Runs on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { appFetch } from "@/test/app-fetch";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { POST as createToken } from "@/app/api/account/tokens/route";
import { runOriginalApiClient, unexpectedSteps, type ClientStep } from "./original-api-client";

const db = getDb();
const provider = getDatabaseProvider();

/** A fresh organization whose admin has a chat with two answers to rate, and the admin's session. */
async function adminWithChat() {
  const org = await createTestOrganization(db);
  await createTestConversation(db, org.organization.id, org.admin.id, 2);
  return { org, cookie: await sessionCookie(org.admin, org.organization.id, "admin") };
}

const run = (headers: Record<string, string>) => runOriginalApiClient({ baseUrl: "http://localhost:3000", headers, fetch: appFetch });

describe(`the original API's client with a personal access token (${provider})`, () => {
  it("gets the statuses the original frontend expects, and the same results as with a session", async () => {
    const withSession = await adminWithChat();
    const sessionSteps = await run({ cookie: withSession.cookie });

    const withToken = await adminWithChat();
    const created = await callRoute(createToken, { path: "/api/account/tokens", cookie: withToken.cookie, body: { name: "original client", expires_in_days: 7 } });
    const tokenSteps = await run({ authorization: `Bearer ${(created.body as { token: string }).token}` });

    expect(unexpectedSteps(tokenSteps)).toEqual([]);
    // Paths carry ids of each run's own rows, and a 409's detail names the run's own admin and time;
    // everything else must be the same.
    const masked = (detail: string) => detail.replace(/[\w.+-]+@[\w.-]+/g, "<email>").replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, "<time>");
    const comparable = (steps: ClientStep[]) => steps.map(({ path: _path, detail, ...step }) => ({ ...step, detail: detail && masked(detail) }));
    expect(comparable(tokenSteps)).toEqual(comparable(sessionSteps));
    const byStep = Object.fromEntries(tokenSteps.map((step) => [step.step, step]));
    expect(byStep["rate negative"]).toMatchObject({ status: 201, summary: { feedback_type: "negative", status: "pending", reason: "The answer is out of date" } });
    expect(byStep["unknown feedback type"]).toMatchObject({ status: 400, detail: expect.stringContaining("feedback_type") });
    expect(byStep["unknown message"]).toMatchObject({ status: 404, detail: "Message not found" });
    expect(byStep["resolve"]).toMatchObject({ status: 200, summary: { status: "reviewed", has_golden_example: true } });
    expect(byStep["without a credential"]).toMatchObject({ status: 401, detail: "Authentication required: sign in or send a bearer token" });
    expect(tokenSteps.every((step) => step.path.endsWith("/") || step.path.includes("/?"))).toBe(true);
  });
});
