// Durability and exactly-once for background work: a worker that dies mid-job loses nothing,
// and no job or golden example is processed or created twice.
import { describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { GOLDEN_EXAMPLE_JOB } from "@/server/feedback/feedback-store";
import { submitFeedback } from "@/server/feedback/feedback-service";
import { countOf } from "@/test/db";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { claimDueJobs, completeJobs, deleteExpiredJobs, enqueueJob, retryDelayMs } from "./job-queue";
import { JOB_HANDLERS } from "./job-handlers";
import { JobWorker, type JobHandler } from "./job-worker";

const db = getDb();

async function approvedPositiveVote() {
  const org = await createTestOrganization(db);
  const { messages } = await createTestConversation(db, org.organization.id, org.member.id);
  const actor = { kind: "user" as const, userId: org.member.id, organizationId: org.organization.id, role: "member" as const, email: org.member.email, name: null, credential: { kind: "session" as const } };
  const { feedback } = await submitFeedback({ db, actor }, { message_id: messages[1]!.id, feedback_type: "positive" });
  return { org, feedback };
}

const jobsOf = (organizationId: string) => db.selectFrom("Job").selectAll().where("organizationId", "=", organizationId).orderBy("createdAt").execute();
const goldenExamplesOf = (feedbackId: string) => countOf(db.selectFrom("GoldenExample").where("feedbackId", "=", feedbackId));

/** A job row as a test wants it: pending and due now unless told otherwise. */
async function insertJob(
  organizationId: string,
  job: { type: string; payload?: object; maxAttempts?: number; runAt?: string; status?: "pending" | "succeeded" | "failed"; completedAt?: string },
) {
  const now = isoNow();
  await db
    .insertInto("Job")
    .values({
      id: newId(),
      organizationId,
      type: job.type,
      payload: JSON.stringify(job.payload ?? {}),
      status: job.status ?? "pending",
      attempts: 0,
      maxAttempts: job.maxAttempts ?? 8,
      runAt: job.runAt ?? now,
      completedAt: job.completedAt ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

const DAY_MS = 24 * 60 * 60_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

describe(`job queue (${getDatabaseProvider()})`, () => {
  it("the approved vote and its job are committed together, before any worker runs", async () => {
    const { org, feedback } = await approvedPositiveVote();
    expect(await jobsOf(org.organization.id)).toEqual([
      expect.objectContaining({ type: GOLDEN_EXAMPLE_JOB, status: "pending", attempts: 0, payload: { feedback_id: feedback.id, revision: 1 } }),
    ]);
    expect(await goldenExamplesOf(feedback.id)).toBe(0);
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
    expect(await goldenExamplesOf(feedback.id)).toBe(0);

    // After a restart (lease expired), worker B picks it up and finishes it.
    const after = new JobWorker(db, { handlers: JOB_HANDLERS, workerId: "worker-b", now: () => new Date(start.getTime() + 31_000), ...scope });
    expect(await after.runOnce()).toBe(1);
    expect(await goldenExamplesOf(feedback.id)).toBe(1);
    const [job] = await jobsOf(org.organization.id);
    expect(job).toMatchObject({ status: "succeeded", attempts: 2, lockedBy: null });

    // Worker A comes back and tries to finish its stale claim: the fencing token refuses it.
    await completeJobs(db, [crashed.find((claimed) => claimed.id === job!.id)!], "worker-a", new Date());
    expect((await db.selectFrom("Job").select("attempts").where("id", "=", job!.id).executeTakeFirstOrThrow()).attempts).toBe(2);
    expect(await goldenExamplesOf(feedback.id)).toBe(1);
  });

  it("running the golden-example job twice creates one golden example", async () => {
    const { org, feedback } = await approvedPositiveVote();
    const [job] = await claimDueJobs(db, { workerId: "twice", limit: 1, leaseMs: 1000, now: new Date(), organizationId: org.organization.id });
    // Concurrently: one may lose the unique-constraint race and throw (the queue would retry it).
    await Promise.allSettled([JOB_HANDLERS[GOLDEN_EXAMPLE_JOB]!(db, job!), JOB_HANDLERS[GOLDEN_EXAMPLE_JOB]!(db, job!)]);
    await JOB_HANDLERS[GOLDEN_EXAMPLE_JOB]!(db, job!);
    expect(await goldenExamplesOf(feedback.id)).toBe(1);
    expect(
      await countOf(
        db.selectFrom("AuditLog").where("action", "=", "golden_example.created").where("targetType", "=", "golden_example").where("organizationId", "=", org.organization.id),
      ),
    ).toBe(1);
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
    await insertJob(org.organization.id, { type: "test.fail", maxAttempts: 2 });
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
    expect(Date.parse(afterFirst!.runAt)).toBeGreaterThan(clock.getTime());
    clock = new Date(Date.parse(afterFirst!.runAt) + 1);
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
    for (const n of [1, 2, 3]) await insertJob(org.organization.id, { type: "test.order", payload: { n } });
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

  it("deletes finished jobs past their retention and keeps everything else", async () => {
    const org = await createTestOrganization(db);
    const jobs = [
      { type: "old.succeeded", status: "succeeded", completedAt: daysAgo(8) },
      { type: "recent.succeeded", status: "succeeded", completedAt: daysAgo(6) },
      { type: "old.failed", status: "failed", completedAt: daysAgo(31) },
      { type: "recent.failed", status: "failed", completedAt: daysAgo(8) },
      { type: "old.pending", status: "pending", runAt: daysAgo(40) },
    ] as const;
    for (const job of jobs) await insertJob(org.organization.id, job);
    await deleteExpiredJobs(db, { succeededMs: 7 * DAY_MS, failedMs: 30 * DAY_MS }, new Date());
    expect((await jobsOf(org.organization.id)).map((job) => job.type).sort()).toEqual(["old.pending", "recent.failed", "recent.succeeded"]);
  });

  it("workers claiming at the same moment split the due jobs between them", async () => {
    const org = await createTestOrganization(db);
    for (let index = 0; index < 20; index++) await insertJob(org.organization.id, { type: "test.split" });
    const claims = await Promise.all(
      ["p", "q", "r", "s"].map((workerId) =>
        claimDueJobs(db, { workerId, limit: 5, leaseMs: 60_000, now: new Date(), organizationId: org.organization.id, types: ["test.split"] }),
      ),
    );
    const claimed = claims.flat().map((job) => job.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    const rows = await jobsOf(org.organization.id);
    expect(rows.filter((row) => row.status === "running").map((row) => row.id).sort()).toEqual([...claimed].sort());
    expect(rows.every((row) => row.status === "pending" || row.attempts === 1)).toBe(true);
  });
});
