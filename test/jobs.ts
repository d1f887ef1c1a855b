// Runs queued background jobs to completion, as the app's worker would.
import type { Db } from "@/server/db/database";
import { JOB_HANDLERS } from "@/server/jobs/job-handlers";
import { JobWorker } from "@/server/jobs/job-worker";

/** Runs the organization's due jobs (other test files share the database and run their own). */
export async function drainJobs(db: Db, organizationId: string): Promise<number> {
  const worker = new JobWorker(db, { handlers: JOB_HANDLERS, workerId: "test-drain", organizationId });
  let total = 0;
  for (let ran = await worker.runOnce(); ran > 0; ran = await worker.runOnce()) total += ran;
  return total;
}
