// Many simultaneous submissions and flips for one user and message: they take turns, so every one
// succeeds, one row remains, and at most one auto golden example is active, on both databases.
import { describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { JOB_HANDLERS } from "@/server/jobs/job-handlers";
import { JobWorker } from "@/server/jobs/job-worker";
import { countOf } from "@/test/db";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { drainJobs } from "@/test/jobs";
import { POST as submit } from "./route";

const db = getDb();

async function setup() {
  const org = await createTestOrganization(db);
  const { messages } = await createTestConversation(db, org.organization.id, org.member.id);
  return { org, messageId: messages[1]!.id, cookie: await sessionCookie(org.member, org.organization.id, "member") };
}

const vote = (messageId: string, cookie: string, feedback_type: "positive" | "negative") =>
  callRoute(submit, { method: "POST", body: { message_id: messageId, feedback_type }, cookie });

describe(`concurrent votes (${getDatabaseProvider()})`, () => {
  it("40 simultaneous first votes: one creates it (201), the others find it (200)", async () => {
    const { org, messageId, cookie } = await setup();
    const responses = await Promise.all(Array.from({ length: 40 }, () => vote(messageId, cookie, "positive")));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(39).fill(200), 201]);
    expect(await countOf(db.selectFrom("Feedback").where("messageId", "=", messageId))).toBe(1);
    expect(await countOf(db.selectFrom("Job").where("organizationId", "=", org.organization.id))).toBe(1);
  });

  it("20 simultaneous flips of one vote all succeed, each applied to the vote the one before left", async () => {
    const { org, messageId, cookie } = await setup();
    expect((await vote(messageId, cookie, "positive")).status).toBe(201);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, index) => vote(messageId, cookie, index % 2 === 0 ? "negative" : "positive")));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    // Applied one after the other, the flips alternate positive → negative → positive …: every
    // change bumps the revision once, and every change back to (auto-approved) positive queues one
    // golden-example job for its new revision. A lost update breaks this bookkeeping.
    const row = await db.selectFrom("Feedback").select(["feedbackType", "revision"]).where("messageId", "=", messageId).executeTakeFirstOrThrow();
    const jobs = await countOf(db.selectFrom("Job").where("organizationId", "=", org.organization.id));
    const toPositive = jobs - 1;
    const toNegative = toPositive + (row.feedbackType === "negative" ? 1 : 0);
    expect(row.revision).toBe(1 + toPositive + toNegative);
  });

  it("simultaneous flips while workers run leave one row and at most one active auto golden example", async () => {
    const { org, messageId, cookie } = await setup();
    const workers = [1, 2].map(
      (n) => new JobWorker(db, { handlers: JOB_HANDLERS, workerId: `concurrency-${n}`, pollIntervalMs: 5, organizationId: org.organization.id }),
    );
    workers.forEach((worker) => worker.start());
    const responses = await Promise.all(Array.from({ length: 40 }, (_, index) => vote(messageId, cookie, index % 2 === 0 ? "positive" : "negative")));
    await Promise.all(workers.map((worker) => worker.stop()));
    await drainJobs(db, org.organization.id);

    expect(responses.filter((response) => response.status !== 200 && response.status !== 201)).toEqual([]);
    const rows = await db.selectFrom("Feedback").selectAll().where("messageId", "=", messageId).execute();
    expect(rows).toHaveLength(1);
    const active = await countOf(db.selectFrom("GoldenExample").where("organizationId", "=", org.organization.id).where("isActive", "=", true));
    // The last vote decides: positive (auto-approved) has exactly one active example, negative none.
    expect(active).toBe(rows[0]!.feedbackType === "positive" ? 1 : 0);
    expect(await countOf(db.selectFrom("GoldenExample").where("organizationId", "=", org.organization.id))).toBeLessThanOrEqual(1);
  });
});
