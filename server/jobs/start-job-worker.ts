import "server-only";
import { getDb } from "@/server/db/database";
import { JOB_HANDLERS } from "./job-handlers";
import type { JobRetention } from "./job-queue";
import { JobWorker } from "./job-worker";

const DAY_MS = 24 * 60 * 60_000;

/** How long finished jobs are kept (JOB_RETENTION_DAYS, JOB_FAILED_RETENTION_DAYS; docs/architecture.md). */
export function jobRetentionFromEnv(env: NodeJS.ProcessEnv = process.env): JobRetention {
  const days = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of days; got "${env[name]}"`);
    return value * DAY_MS;
  };
  return { succeededMs: days("JOB_RETENTION_DAYS", 7), failedMs: days("JOB_FAILED_RETENTION_DAYS", 30) };
}

/** Starts this app instance's background worker once; stopped cleanly on SIGTERM/SIGINT. */
export function startJobWorker(): JobWorker {
  const worker = new JobWorker(getDb(), {
    handlers: JOB_HANDLERS,
    pollIntervalMs: Number(process.env.JOB_POLL_INTERVAL_MS ?? 1000),
    maxEventLoopUtilization: 0.8,
    retention: jobRetentionFromEnv(),
  });
  worker.start();
  const stop = () => void worker.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return worker;
}
