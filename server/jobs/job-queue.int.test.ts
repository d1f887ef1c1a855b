// Durability and exactly-once for background work: a worker that dies mid-job loses nothing,
// and no job or golden example is processed or created twice.
import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/client";
import { GOLDEN_EXAMPLE_JOB } from "@/server/feedback/feedback-store";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { submitFeedback } from "@/server/feedback/feedback-service";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { claimDueJobs, completeJobs, enqueueJob, retryDelayMs } from "./job-queue";
import { JOB_HANDLERS } from "./job-handlers";
import { JobWorker, type JobHandler } from "./job-worker";

const db = getDb();
afterAll(() => db.$disconnect());

async function approvedPositiveVote() {
  const org = await createTestOrganization(db);
  const { messages } = await createTestConversation(db, org.organization.id, org.member.id);
  const actor = { kind: "user" as const, userId: org.member.id, organizationId: org.organization.id, role: "member" as const, email: org.member.email, name: null };
  const { feedback } = await submitFeedback(feedbackContext(db, actor), { message_id: messages[1]!.id, feedback_type: "positive" });
  return { org, feedback };
}

const jobsOf = (organizationId: string) => db.job.findMany({ where: { organizationId } });

describe(`job queue (${getDatabaseProvider()})`, () => {
  it("the approved vote and its job are committed together, before any worker runs", async () => {
    const { org, feedback } = await approvedPositiveVote();
    expect(await jobsOf(org.organization.id)).toEqual([
      expect.objectContaining({ type: GOLDEN_EXAMPLE_JOB, status: "pending", attempts: 0, payload: { feedback_id: feedback.id, revision: 1 } }),
    ]);
    expect(await db.goldenExample.count({ where: { feedbackId: feedback.id } })).toBe(0);
  });

  it("a worker killed mid-job: after its lease runs out another worker completes the job once", async () => {
    const { org, feedback } = await approvedPositiveVote();
    const start = new Date();
    // Worker A claims the job and "dies": it never completes it.
    const scope = { organizationId: org.organization.id };
    const crashed = await claimDueJobs(db, { workerId: "worker-a", limit: 10, leaseMs: 30_000, now: start, ...scope });
    expect(crashed.map((job) => job.payload)).toContainEqual({ feedback_id: feedback.id, revision: 1 });

    // While the lease holds, nobody else takes it.
    const during = new JobWorker(db, { handlers: JOB_HANDLERS, workerId: "worker-b", now: () => new Date(start.getTime() + 10_000), ...scope });
    await during.runOnce();
    expect(await db.goldenExample.count({ where: { feedbackId: feedback.id } })).toBe(0);

    // After a restart (lease expired), worker B picks it up and finishes it.
    const after = new JobWorker(db, { handlers: JOB_HANDLERS, workerId: "worker-b", now: () => new Date(start.getTime() + 31_000), ...scope });
    expect(await after.runOnce()).toBe(1);
    expect(await db.goldenExample.count({ where: { feedbackId: feedback.id } })).toBe(1);
    const [job] = await jobsOf(org.organization.id);
    expect(job).toMatchObject({ status: "succeeded", attempts: 2, lockedBy: null });

    // Worker A comes back and tries to finish its stale claim: the fencing token refuses it.
    await completeJobs(db, [crashed.find((claimed) => claimed.id === job!.id)!], "worker-a", new Date());
    expect((await db.job.findUniqueOrThrow({ where: { id: job!.id } })).attempts).toBe(2);
    expect(await db.goldenExample.count({ where: { feedbackId: feedback.id } })).toBe(1);
  });

  it("running the golden-example job twice creates one golden example", async () => {
    const { org, feedback } = await approvedPositiveVote();
    const [job] = await claimDueJobs(db, { workerId: "twice", limit: 1, leaseMs: 1000, now: new Date(), organizationId: org.organization.id });
    // Concurrently: one may lose the unique-constraint race and throw (the queue would retry it).
    await Promise.allSettled([JOB_HANDLERS[GOLDEN_EXAMPLE_JOB]!(db, job!), JOB_HANDLERS[GOLDEN_EXAMPLE_JOB]!(db, job!)]);
    await JOB_HANDLERS[GOLDEN_EXAMPLE_JOB]!(db, job!);
    expect(await db.goldenExample.count({ where: { feedbackId: feedback.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "golden_example.created", targetType: "golden_example", organizationId: org.organization.id } })).toBe(1);
  });

  it("two workers polling together never run the same job twice", async () => {
    const org = await createTestOrganization(db);
    const runs = new Map<string, number>();
    const counting: JobHandler = async (_db, job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
    };
    for (let index = 0; index < 30; index++) {
      await enqueueJob(db, { type: "test.count", payload: { index }, organizationId: org.organization.id, dedupeKey: `count-${org.organization.id}-${index}` });
    }
    // Enqueueing with the same key again is a no-op.
    await enqueueJob(db, { type: "test.count", payload: { index: 0 }, organizationId: org.organization.id, dedupeKey: `count-${org.organization.id}-0` });
    const workers = ["x", "y"].map(
      (id) => new JobWorker(db, { handlers: { "test.count": counting }, workerId: id, batchSize: 3, organizationId: org.organization.id }),
    );
    const drain = async (worker: JobWorker) => {
      while ((await worker.runOnce()) > 0);
    };
    await Promise.all(workers.map(drain));
    const jobs = await jobsOf(org.organization.id);
    expect(jobs).toHaveLength(30);
    expect(jobs.every((job) => job.status === "succeeded")).toBe(true);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(runs.size).toBe(30);
  });

  it("a failing job is retried with backoff and marked failed after its last attempt", async () => {
    const org = await createTestOrganization(db);
    await db.job.create({ data: { type: "test.fail", payload: {}, organizationId: org.organization.id, maxAttempts: 2 } });
    let clock = new Date();
    const worker = new JobWorker(db, {
      handlers: { "test.fail": async () => Promise.reject(new Error("webhook endpoint answered 503")) },
      workerId: "retry",
      now: () => clock,
      organizationId: org.organization.id,
    });
    await worker.runOnce();
    const [afterFirst] = await jobsOf(org.organization.id);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, lastError: "webhook endpoint answered 503" });
    expect(afterFirst!.runAt.getTime()).toBeGreaterThan(clock.getTime());
    clock = new Date(afterFirst!.runAt.getTime() + 1);
    await worker.runOnce();
    expect((await jobsOf(org.organization.id))[0]).toMatchObject({ status: "failed", attempts: 2 });
  });

  it("backoff grows exponentially with jitter and is capped", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8000);
    expect(retryDelayMs(30, () => 0.5)).toBe(600_000);
    expect(retryDelayMs(3, () => 0)).toBe(6000);
    expect(retryDelayMs(3, () => 1)).toBe(10_000);
  });
  it("a worker lets waiting I/O callbacks (requests) run between jobs", async () => {
    const org = await createTestOrganization(db);
    await db.job.createMany({ data: [1, 2, 3].map((n) => ({ type: "test.order", payload: { n }, organizationId: org.organization.id })) });
    const order: string[] = [];
    const worker = new JobWorker(db, {
      handlers: { "test.order": async (_db, job) => void order.push(`job ${(job.payload as { n: number }).n}`) },
      organizationId: org.organization.id,
    });
    // Stands for a request whose socket became readable while the batch was starting.
    setImmediate(() => order.push("request"));
    expect(await worker.runOnce()).toBe(3);
    expect(order.slice(0, order.indexOf("job 2"))).toContain("request");
  });
});
