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
  // Reads first, outside the transaction: on SQLite a write transaction locks out every other
  // writer (the request path included) for as long as it stays open.
  const feedback = await db.feedback.findUnique({
    where: { id: feedbackId },
    select: { organizationId: true, messageId: true, revision: true, feedbackType: true, status: true },
  });
  if (!feedback || feedback.revision !== revision || feedback.feedbackType !== "positive" || feedback.status !== "auto_approved") return;
  const source = await loadGoldenExampleSource(db, feedback.messageId);
  if (!source) return;

  await db.$transaction(async (tx) => {
    // A no-op write that re-checks the vote is still this revision and locks its row, so a
    // concurrent vote change waits for us and then deactivates what we create.
    const { count } = await tx.feedback.updateMany({
      where: { id: feedbackId, revision, feedbackType: "positive", status: "auto_approved" },
      data: { revision },
    });
    if (count === 0) return;
    const existing = await tx.goldenExample.findUnique({ where: { feedbackId }, select: { id: true, approvalType: true, isActive: true } });
    // A reviewer's golden example for this feedback stands as it is.
    if (existing?.approvalType === "manual" || existing?.isActive) return;
    const content = {
      originalQuery: source.originalQuery,
      originalResponse: source.originalResponse,
      goldenResponse: source.originalResponse,
      context: source.context as object[],
    };
    const example = existing
      ? await tx.goldenExample.update({ where: { id: existing.id }, data: { ...content, isActive: true }, select: { id: true } })
      : await tx.goldenExample.create({
          data: { ...content, organizationId: feedback.organizationId, feedbackId, sourceType: "feedback", approvalType: "auto" },
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
