// Many simultaneous submissions and flips for one user and message: one row, at most one active
// auto golden example, and no 500s.
import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/client";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { drainJobs } from "@/test/jobs";
import { JOB_HANDLERS } from "@/server/jobs/job-handlers";
import { JobWorker } from "@/server/jobs/job-worker";
import { POST as submit } from "./route";

const db = getDb();
afterAll(() => db.$disconnect());

async function setup() {
  const org = await createTestOrganization(db);
  const { messages } = await createTestConversation(db, org.organization.id, org.member.id);
  return { org, messageId: messages[1]!.id, cookie: await sessionCookie(org.member, org.organization.id, "member") };
}

describe(`concurrent votes (${getDatabaseProvider()})`, () => {
  it("40 simultaneous first votes leave exactly one feedback row", async () => {
    const { org, messageId, cookie } = await setup();
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => callRoute(submit, { method: "POST", body: { message_id: messageId, feedback_type: "positive" }, cookie })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201 && status !== 200)).toEqual([]);
    expect(await db.feedback.count({ where: { messageId } })).toBe(1);
    expect(await db.job.count({ where: { organizationId: org.organization.id } })).toBe(1);
  });

  it("simultaneous flips while workers run leave one row and at most one active auto golden example", async () => {
    const { org, messageId, cookie } = await setup();
    const workers = [1, 2].map(
      (n) => new JobWorker(db, { handlers: JOB_HANDLERS, workerId: `concurrency-${n}`, pollIntervalMs: 5, organizationId: org.organization.id }),
    );
    workers.forEach((worker) => worker.start());
    const types = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? "positive" : "negative"));
    const responses = await Promise.all(
      types.map((feedback_type) => callRoute(submit, { method: "POST", body: { message_id: messageId, feedback_type }, cookie })),
    );
    await Promise.all(workers.map((worker) => worker.stop()));
    await drainJobs(db, org.organization.id);

    // Every request either succeeded or was told to retry (409) — never a 500.
    expect(responses.filter((response) => ![200, 201, 409].includes(response.status))).toEqual([]);
    const rows = await db.feedback.findMany({ where: { messageId } });
    expect(rows).toHaveLength(1);
    const active = await db.goldenExample.count({ where: { organizationId: org.organization.id, isActive: true } });
    const finalVote = rows[0]!;
    // The last vote decides: positive (auto-approved) has exactly one active example, negative none.
    expect(active).toBe(finalVote.feedbackType === "positive" ? 1 : 0);
    expect(await db.goldenExample.count({ where: { organizationId: org.organization.id } })).toBeLessThanOrEqual(1);
  });
});
