import "server-only";
import type { Db, Queryable } from "@/server/db/client";

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

const MAX_BACKOFF_MS = 10 * 60_000;

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s … capped at 10 minutes. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts);
  return Math.round(base * (0.75 + random() * 0.5));
}

export async function enqueueJob(
  db: Queryable,
  job: { type: string; payload: object; organizationId?: string | null; dedupeKey?: string; runAt?: Date },
): Promise<void> {
  const data = { type: job.type, payload: job.payload, organizationId: job.organizationId ?? null, runAt: job.runAt ?? new Date() };
  if (job.dedupeKey) {
    await db.job.upsert({ where: { dedupeKey: job.dedupeKey }, create: { ...data, dedupeKey: job.dedupeKey }, update: {} });
  } else {
    await db.job.create({ data });
  }
}

/**
 * Claims due jobs (and jobs whose lease ran out: their worker died) for this worker. The claim is
 * a compare-and-set on each row's attempt counter and status, so when several app instances poll
 * one database exactly one of them wins a job, on SQLite and PostgreSQL alike. One statement
 * claims the whole batch and one reads back which rows this worker won: four queries per batch,
 * not one per job (Prisma costs most of a millisecond per query here).
 */
export async function claimDueJobs(db: Db, options: ClaimOptions): Promise<ClaimedJob[]> {
  const { now } = options;
  const scope = {
    ...(options.types ? { type: { in: options.types } } : {}),
    ...(options.organizationId ? { organizationId: options.organizationId } : {}),
  };
  const select = { id: true, type: true, payload: true, organizationId: true, attempts: true, maxAttempts: true, status: true } as const;
  // Two index range scans (status, runAt) rather than one OR: the due query walks the index in
  // order and stops at the limit, however long the backlog is.
  const expired = await db.job.findMany({
    where: { ...scope, status: "running", lockedUntil: { lt: now } },
    take: options.limit,
    select,
  });
  const due = await db.job.findMany({
    where: { ...scope, status: "pending", runAt: { lte: now } },
    orderBy: { runAt: "asc" },
    take: options.limit * 2,
    select,
  });
  const candidates: typeof due = [];
  for (const candidate of [...expired, ...due]) {
    if (candidates.length >= options.limit) break;
    if (candidate.attempts >= candidate.maxAttempts) {
      // Its last attempt died with its worker: give up rather than loop forever.
      await db.job.updateMany({
        where: { id: candidate.id, attempts: candidate.attempts, status: candidate.status },
        data: { status: "failed", lockedBy: null, lockedUntil: null, lastError: candidate.status === "running" ? "lease expired on the last attempt" : undefined },
      });
      continue;
    }
    candidates.push(candidate);
  }
  if (candidates.length === 0) return [];
  await db.job.updateMany({
    where: { OR: candidates.map(({ id, attempts, status }) => ({ id, attempts, status })) },
    data: { status: "running", attempts: { increment: 1 }, lockedBy: options.workerId, lockedUntil: new Date(now.getTime() + options.leaseMs) },
  });
  const won = await db.job.findMany({
    where: { id: { in: candidates.map((candidate) => candidate.id) }, lockedBy: options.workerId, status: "running" },
    select: { id: true, attempts: true },
  });
  const attemptsWon = new Map(won.map((job) => [job.id, job.attempts]));
  return candidates
    .filter((candidate) => attemptsWon.get(candidate.id) === candidate.attempts + 1)
    .map((candidate) => ({ ...candidate, attempts: candidate.attempts + 1 }));
}

/** Marks claimed jobs done, in one statement; a no-op for a job whose lease was lost to another worker. */
export async function completeJobs(db: Db, jobs: ClaimedJob[], workerId: string, now: Date): Promise<void> {
  if (jobs.length === 0) return;
  await db.job.updateMany({
    where: { lockedBy: workerId, OR: jobs.map(({ id, attempts }) => ({ id, attempts })) },
    data: { status: "succeeded", completedAt: now, lockedBy: null, lockedUntil: null, lastError: null },
  });
}

export async function failJob(db: Db, job: ClaimedJob, workerId: string, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const exhausted = job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId, attempts: job.attempts },
    data: {
      status: exhausted ? "failed" : "pending",
      runAt: exhausted ? undefined : new Date(now.getTime() + retryDelayMs(job.attempts)),
      lockedBy: null,
      lockedUntil: null,
      lastError: message.slice(0, 2000),
    },
  });
}
