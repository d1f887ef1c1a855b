import "server-only";
import { z } from "zod";
import { recordAudit } from "@/server/audit/audit-log";
import { inTransaction, type Db } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { lockVote } from "@/server/db/vote-lock";
import type { ClaimedJob } from "@/server/jobs/job-queue";
import { loadGoldenExampleSource } from "./golden-example-source";

const PayloadSchema = z.object({ feedback_id: z.string(), revision: z.number().int() });

/**
 * Job "golden_example.sync": creates (or reactivates) the golden example of an auto-approved
 * positive vote, audited. Safe to run any number of times: under the vote's lock it re-checks that
 * the vote is still that revision and still approved (a changed or withdrawn vote makes the job a
 * no-op), and the unique feedback id means a second run finds the example instead of adding one.
 * A reviewer's example for the feedback stands as it is.
 */
export async function syncGoldenExample(db: Db, job: ClaimedJob): Promise<void> {
  const { feedback_id: feedbackId, revision } = PayloadSchema.parse(job.payload);
  // Who voted on what never changes, so it can be read before taking the vote's lock.
  const voter = await db.selectFrom("Feedback").select(["userId", "messageId"]).where("id", "=", feedbackId).executeTakeFirst();
  if (!voter) return;
  await inTransaction(db, async (tx) => {
    await lockVote(tx, voter.userId, voter.messageId);
    const vote = await tx
      .selectFrom("Feedback")
      .select(["organizationId", "messageId", "revision", "feedbackType", "status"])
      .where("id", "=", feedbackId)
      .executeTakeFirst();
    if (!vote || vote.revision !== revision || vote.feedbackType !== "positive" || vote.status !== "auto_approved") return;
    const existing = await tx.selectFrom("GoldenExample").select(["id", "approvalType", "isActive"]).where("feedbackId", "=", feedbackId).executeTakeFirst();
    if (existing && (existing.approvalType === "manual" || existing.isActive)) return;
    const source = await loadGoldenExampleSource(tx, vote.messageId);
    if (!source) return;
    const now = isoNow();
    const content = {
      originalQuery: source.originalQuery,
      originalResponse: source.originalResponse,
      goldenResponse: source.originalResponse,
      context: JSON.stringify(source.context),
      isActive: true,
      updatedAt: now,
    };
    const exampleId = existing?.id ?? newId();
    if (existing) {
      await tx.updateTable("GoldenExample").set(content).where("id", "=", exampleId).execute();
    } else {
      await tx
        .insertInto("GoldenExample")
        .values({ ...content, id: exampleId, organizationId: vote.organizationId, feedbackId, sourceType: "feedback", approvalType: "auto", createdAt: now })
        .execute();
    }
    await recordAudit(tx, {
      organizationId: vote.organizationId,
      actor: { type: "system" },
      action: existing ? "golden_example.reactivated" : "golden_example.created",
      target: { type: "golden_example", id: exampleId },
      data: { feedback_id: feedbackId, revision, approval_type: "auto" },
      at: now,
    });
  });
}
