import "server-only";
import type { ExpressionBuilder } from "kysely";
import { dialectOf, type Queryable } from "@/server/db/database";
import type { DB } from "@/server/db/generated/database";
import { compiledOnce } from "@/server/db/compiled-once";
import { isoNow, newId } from "@/server/db/ids";

export interface ClaimedJob {
  id: string;
  type: string;
  payload: unknown;
  organizationId: string | null;
  /** Attempts including this one; the claim's fencing token. */
  attempts: number;
  maxAttempts: number;
}

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  now: Date;
  /** Only these job types: a worker never takes work it has no handler for (e.g. mid-deploy). */
  types?: string[];
  /** Only this organization's jobs (a dedicated worker for one tenant; test isolation). */
  organizationId?: string;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 10 * 60_000;

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s … capped at 10 minutes. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts);
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface NewJob {
  type: string;
  payload: object;
  organizationId?: string | null;
  /** Makes enqueueing idempotent: a second job with this key is not created. */
  dedupeKey?: string;
  runAt?: string;
}

const insertJob = compiledOnce(
  (db, job: { id: string; organizationId: string | null; type: string; payload: string; dedupeKey: string | null; runAt: string; now: string }) =>
    db
      .insertInto("Job")
      .values({
        id: job.id,
        organizationId: job.organizationId,
        type: job.type,
        payload: job.payload,
        dedupeKey: job.dedupeKey,
        status: "pending",
        attempts: 0,
        maxAttempts: DEFAULT_MAX_ATTEMPTS,
        runAt: job.runAt,
        createdAt: job.now,
        updatedAt: job.now,
      })
      .onConflict((conflict) => conflict.column("dedupeKey").doNothing()),
);

/** Adds a job; call it inside the transaction of the change that needs it, so both commit or neither. */
export async function enqueueJob(db: Queryable, job: NewJob): Promise<void> {
  const now = isoNow();
  await insertJob(db, {
    id: newId(),
    organizationId: job.organizationId ?? null,
    type: job.type,
    payload: JSON.stringify(job.payload),
    dedupeKey: job.dedupeKey ?? null,
    runAt: job.runAt ?? now,
    now,
  });
}

/** Due, or claimed by a worker whose lease ran out (it died). */
function claimable(eb: ExpressionBuilder<DB, "Job">, now: string) {
  return eb.or([
    eb.and([eb("status", "=", "pending"), eb("runAt", "<=", now)]),
    eb.and([eb("status", "=", "running"), eb("lockedUntil", "<", now)]),
  ]);
}

/**
 * Claims due jobs, and jobs whose lease ran out, for this worker, in one statement. The outer
 * WHERE repeats the claimable condition, so on PostgreSQL a claimer that waited for another's row
 * lock re-checks the row and skips what was taken meanwhile; there the candidates are also read
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers take different jobs instead of queueing behind
 * each other (docs/architecture.md, "Claiming"). SQLite runs the statement under its one write lock.
 */
export async function claimDueJobs(db: Queryable, options: ClaimOptions): Promise<ClaimedJob[]> {
  const now = options.now.toISOString();
  await failJobsWithExpiredLastAttempt(db, now);
  const candidates = db
    .selectFrom("Job")
    .select("id")
    .where((eb) => claimable(eb, now))
    .where((eb) => eb("attempts", "<", eb.ref("maxAttempts")))
    .$if(options.types !== undefined, (query) => query.where("type", "in", options.types!))
    .$if(options.organizationId !== undefined, (query) => query.where("organizationId", "=", options.organizationId!))
    .orderBy("runAt")
    .limit(options.limit)
    .$if(dialectOf(db) === "postgresql", (query) => query.forUpdate().skipLocked());
  const claimed = await db
    .updateTable("Job")
    .set((eb) => ({
      status: "running",
      attempts: eb("attempts", "+", 1),
      lockedBy: options.workerId,
      lockedUntil: new Date(options.now.getTime() + options.leaseMs).toISOString(),
      updatedAt: now,
    }))
    .where("id", "in", candidates)
    .where((eb) => claimable(eb, now))
    .returning(["id", "type", "payload", "organizationId", "attempts", "maxAttempts", "runAt"])
    .execute();
  // RETURNING promises no order; due jobs run oldest first.
  return claimed.sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : 0)).map(({ runAt: _runAt, ...job }) => job);
}

/** A job whose worker died during its last attempt is given up rather than retried forever. */
async function failJobsWithExpiredLastAttempt(db: Queryable, now: string): Promise<void> {
  await db
    .updateTable("Job")
    .set({ status: "failed", completedAt: now, lockedBy: null, lockedUntil: null, lastError: "lease expired on the last attempt", updatedAt: now })
    .where("status", "=", "running")
    .where("lockedUntil", "<", now)
    .where((eb) => eb("attempts", ">=", eb.ref("maxAttempts")))
    .execute();
}

/** Marks claimed jobs done, in one statement; a no-op for a job whose lease was lost to another worker. */
export async function completeJobs(db: Queryable, jobs: ClaimedJob[], workerId: string, now: Date): Promise<void> {
  if (jobs.length === 0) return;
  const at = now.toISOString();
  await db
    .updateTable("Job")
    .set({ status: "succeeded", completedAt: at, lockedBy: null, lockedUntil: null, lastError: null, updatedAt: at })
    .where("lockedBy", "=", workerId)
    .where((eb) => eb.or(jobs.map(({ id, attempts }) => eb.and([eb("id", "=", id), eb("attempts", "=", attempts)]))))
    .execute();
}

export async function failJob(db: Queryable, job: ClaimedJob, workerId: string, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const exhausted = job.attempts >= job.maxAttempts;
  const at = now.toISOString();
  await db
    .updateTable("Job")
    .set({
      status: exhausted ? "failed" : "pending",
      ...(exhausted ? { completedAt: at } : { runAt: new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString() }),
      lockedBy: null,
      lockedUntil: null,
      lastError: message.slice(0, 2000),
      updatedAt: at,
    })
    .where("id", "=", job.id)
    .where("lockedBy", "=", workerId)
    .where("attempts", "=", job.attempts)
    .execute();
}

export interface JobRetention {
  /** Succeeded jobs older than this are deleted. */
  succeededMs: number;
  /** Failed jobs (kept longer: someone may want to know why) older than this are deleted. */
  failedMs: number;
}

const RETENTION_BATCH = 1000;

/**
 * Deletes finished jobs past their retention, in batches so no statement holds the write lock for
 * long. Returns how many it deleted. A job's dedupe key goes with it: retention must outlast the
 * time in which the same work could be enqueued again (a vote revision's job is enqueued once).
 */
export async function deleteExpiredJobs(db: Queryable, retention: JobRetention, now: Date): Promise<number> {
  let deleted = 0;
  for (const [status, ageMs] of [["succeeded", retention.succeededMs], ["failed", retention.failedMs]] as const) {
    const cutoff = new Date(now.getTime() - ageMs).toISOString();
    for (;;) {
      const batch = db.selectFrom("Job").select("id").where("status", "=", status).where("completedAt", "<", cutoff).limit(RETENTION_BATCH);
      const result = await db.deleteFrom("Job").where("id", "in", batch).executeTakeFirst();
      const count = Number(result.numDeletedRows);
      deleted += count;
      if (count < RETENTION_BATCH) break;
    }
  }
  return deleted;
}
