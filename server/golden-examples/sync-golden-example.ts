import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import type { ClaimedJob } from "@/server/jobs/job-queue";
import { loadGoldenExampleSource } from "./golden-example-source";

const PayloadSchema = z.object({ feedback_id: z.string(), revision: z.number().int() });

/**
 * Job "golden_example.sync": makes the golden example of an auto-approved positive vote. Safe to
 * run any number of times: a stale job (the vote changed or was withdrawn) does nothing, and the
 * unique feedback id means a second run updates instead of duplicating.
 */
export async function syncGoldenExample(db: Db, job: ClaimedJob): Promise<void> {
  const { feedback_id: feedbackId, revision } = PayloadSchema.parse(job.payload);
  await db.$transaction(async (tx) => {
    // A no-op write that both checks the vote is still this revision and locks its row, so a
    // concurrent vote change waits for us and then deactivates what we create.
    const { count } = await tx.feedback.updateMany({
      where: { id: feedbackId, revision, feedbackType: "positive", status: "auto_approved" },
      data: { revision },
    });
    if (count === 0) return;
    const feedback = await tx.feedback.findUniqueOrThrow({
      where: { id: feedbackId },
      select: { organizationId: true, messageId: true, userId: true, goldenExample: { select: { id: true, approvalType: true, isActive: true } } },
    });
    const existing = feedback.goldenExample;
    // A reviewer's golden example for this feedback stands as it is.
    if (existing?.approvalType === "manual" || existing?.isActive) return;
    const source = await loadGoldenExampleSource(tx, feedback.messageId);
    if (!source) return;
    const example = existing
      ? await tx.goldenExample.update({
          where: { id: existing.id },
          data: { isActive: true, goldenResponse: source.originalResponse, originalResponse: source.originalResponse, originalQuery: source.originalQuery, context: source.context as object[] },
          select: { id: true },
        })
      : await tx.goldenExample.create({
          data: {
            organizationId: feedback.organizationId,
            feedbackId,
            sourceType: "feedback",
            approvalType: "auto",
            originalQuery: source.originalQuery,
            originalResponse: source.originalResponse,
            goldenResponse: source.originalResponse,
            context: source.context as object[],
          },
          select: { id: true },
        });
    await tx.auditLog.create({
      data: {
        organizationId: feedback.organizationId,
        actorType: "system",
        action: existing ? "golden_example.reactivated" : "golden_example.created",
        targetType: "golden_example",
        targetId: example.id,
        data: { feedback_id: feedbackId, revision, approval_type: "auto" },
      },
    });
  });
}
