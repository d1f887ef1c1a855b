import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import type { Db } from "@/server/db/database";
import { claimDueJobs, completeJobs, deleteExpiredJobs, failJob, type ClaimedJob, type JobRetention } from "./job-queue";
import { onJobsEnqueued } from "./job-signal";

export type JobHandler = (db: Db, job: ClaimedJob) => Promise<void>;

export interface JobWorkerOptions {
  handlers: Record<string, JobHandler>;
  workerId?: string;
  pollIntervalMs?: number;
  batchSize?: number;
  leaseMs?: number;
  now?: () => Date;
  organizationId?: string;
  /**
   * Background work yields to requests: while the event loop was busier than this (0–1) since the
   * last batch, the worker waits before claiming more. Jobs are durable, so waiting loses nothing.
   */
  maxEventLoopUtilization?: number;
  /** Finished jobs are deleted after this long (checked every RETENTION_SWEEP_MS); kept forever without it. */
  retention?: JobRetention;
}

/** How often a worker deletes finished jobs past their retention. */
const RETENTION_SWEEP_MS = 10 * 60_000;

// Long enough that a saturated server spends almost all its time on requests; the backlog drains after.
const BUSY_PAUSE_MS = 1000;

/**
 * Runs queued jobs inside the app process. Polls the job table (and wakes early when this process
 * enqueues work); a job whose handler throws is retried with backoff.
 */
export class JobWorker {
  readonly workerId: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastUtilization: EventLoopUtilization = performance.eventLoopUtilization();
  /** Time spent in runOnce since the last check: the worker's own share of the event loop. */
  private ownBusyMs = 0;
  private lastRetentionSweep = 0;

  constructor(
    private readonly db: Db,
    private readonly options: JobWorkerOptions,
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Claims and runs one batch; returns how many jobs it ran. */
  async runOnce(): Promise<number> {
    const jobs = await claimDueJobs(this.db, {
      workerId: this.workerId,
      limit: this.options.batchSize ?? 10,
      leaseMs: this.options.leaseMs ?? 60_000,
      now: this.now(),
      types: Object.keys(this.options.handlers),
      organizationId: this.options.organizationId,
    });
    // Marked done together after the batch: a crash in between only reruns idempotent handlers.
    const succeeded: ClaimedJob[] = [];
    for (const job of jobs) {
      // On SQLite every query resolves without real I/O, so a batch would otherwise run as one
      // unbroken chain of promise callbacks and hold waiting requests for its whole length.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        await this.options.handlers[job.type]!(this.db, job);
        succeeded.push(job);
      } catch (error) {
        console.error(`[jobs] ${job.type} ${job.id} attempt ${job.attempts} failed`, error);
        await failJob(this.db, job, this.workerId, error, this.now());
      }
    }
    await completeJobs(this.db, succeeded, this.workerId, this.now());
    return jobs.length;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onJobsEnqueued(() => this.wake?.());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  /** Deletes finished jobs past their retention, at most every RETENTION_SWEEP_MS, when the queue is idle. */
  private async sweepExpiredJobs(): Promise<void> {
    const { retention } = this.options;
    if (!retention || Date.now() - this.lastRetentionSweep < RETENTION_SWEEP_MS) return;
    this.lastRetentionSweep = Date.now();
    await deleteExpiredJobs(this.db, retention, this.now());
  }

  /** True when everything but this worker (i.e. requests) kept the event loop busy since the last check. */
  private eventLoopIsBusy(): boolean {
    const limit = this.options.maxEventLoopUtilization;
    if (limit === undefined) return false;
    const current = performance.eventLoopUtilization();
    const { active, idle } = performance.eventLoopUtilization(current, this.lastUtilization);
    const othersActive = Math.max(0, active - this.ownBusyMs);
    this.lastUtilization = current;
    this.ownBusyMs = 0;
    return othersActive / Math.max(1, active + idle) > limit;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.eventLoopIsBusy()) {
        await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
        continue;
      }
      let ran = 0;
      const startedAt = performance.now();
      try {
        ran = await this.runOnce();
        if (ran === 0) await this.sweepExpiredJobs();
      } catch (error) {
        console.error("[jobs] polling failed", error);
      }
      this.ownBusyMs += performance.now() - startedAt;
      if (ran === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollIntervalMs ?? 1000);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }
}
