import "server-only";
import { getDb } from "@/server/db/client";
import { JOB_HANDLERS } from "./job-handlers";
import { JobWorker } from "./job-worker";

/** Starts this app instance's background worker once; stopped cleanly on SIGTERM/SIGINT. */
export function startJobWorker(): JobWorker {
  const worker = new JobWorker(getDb(), {
    handlers: JOB_HANDLERS,
    pollIntervalMs: Number(process.env.JOB_POLL_INTERVAL_MS ?? 1000),
    maxEventLoopUtilization: 0.8,
  });
  worker.start();
  const stop = () => void worker.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return worker;
}
