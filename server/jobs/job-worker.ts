import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/server/db/client";
import { claimDueJobs, completeJob, failJob, type ClaimedJob } from "./job-queue";
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
}

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
    for (const job of jobs) {
      try {
        await this.options.handlers[job.type]!(this.db, job);
        await completeJob(this.db, job, this.workerId, this.now());
      } catch (error) {
        console.error(`[jobs] ${job.type} ${job.id} attempt ${job.attempts} failed`, error);
        await failJob(this.db, job, this.workerId, error, this.now());
      }
    }
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

  private async run(): Promise<void> {
    while (this.running) {
      let ran = 0;
      try {
        ran = await this.runOnce();
      } catch (error) {
        console.error("[jobs] polling failed", error);
      }
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
