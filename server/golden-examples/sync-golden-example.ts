import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import { feedbackStoreFor } from "@/server/feedback/feedback-context";
import type { ClaimedJob } from "@/server/jobs/job-queue";

const PayloadSchema = z.object({ feedback_id: z.string(), revision: z.number().int() });

/**
 * Job "golden_example.sync": makes the golden example of an auto-approved positive vote, through
 * the feedback store (one synchronous transaction on SQLite, Prisma on PostgreSQL). Safe to run
 * any number of times: a stale job (the vote changed or was withdrawn) does nothing, and the
 * unique feedback id means a second run updates instead of duplicating.
 */
export async function syncGoldenExample(db: Db, job: ClaimedJob): Promise<void> {
  const { feedback_id: feedbackId, revision } = PayloadSchema.parse(job.payload);
  await feedbackStoreFor(db).syncAutoGoldenExample(feedbackId, revision);
}
