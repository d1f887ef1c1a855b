// A job worker process that claims the organization's golden-example job, starts it, and then
// hangs so the test can kill it with SIGKILL mid-job (server/jobs/worker-crash.int.test.ts).
import { getDb } from "@/server/db/client";
import { GOLDEN_EXAMPLE_JOB } from "@/server/feedback/feedback-store";
import { JobWorker } from "@/server/jobs/job-worker";

const organizationId = process.env.CRASH_ORGANIZATION_ID;
if (!organizationId) throw new Error("CRASH_ORGANIZATION_ID is required");

const worker = new JobWorker(getDb(), {
  workerId: "doomed-worker",
  organizationId,
  leaseMs: 30_000,
  handlers: {
    [GOLDEN_EXAMPLE_JOB]: async (_db, job) => {
      process.stdout.write(`started ${job.id}\n`);
      await new Promise(() => undefined);
    },
  },
});
await worker.runOnce();
