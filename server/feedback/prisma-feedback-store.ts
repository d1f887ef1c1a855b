import "server-only";
import type { Db, Tx } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/sqlite/client";
import { loadGoldenExampleSource } from "@/server/golden-examples/golden-example-source";
import { enqueueJob } from "@/server/jobs/job-queue";
import { SerializedJson } from "@/server/serialized-json";
import { toFeedbackResponse } from "./feedback-response";
import {
  ConcurrentVoteChange,
  GOLDEN_EXAMPLE_JOB,
  type ConversationFeedback,
  goldenExampleJobKey,
  type FeedbackListJson,
  type FeedbackStore,
  type StoredFeedback,
  type SubmissionContext,
  type VotePlan,
} from "./feedback-store";

const feedbackSelect = {
  id: true,
  organizationId: true,
  messageId: true,
  userId: true,
  feedbackType: true,
  reason: true,
  reasonKeys: true,
  status: true,
  revision: true,
  reviewedById: true,
  reviewedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

type FeedbackRow = Prisma.FeedbackGetPayload<{ select: typeof feedbackSelect }>;

function toStored(row: FeedbackRow): StoredFeedback {
  return {
    ...row,
    reasonKeys: Array.isArray(row.reasonKeys) ? (row.reasonKeys as string[]) : [],
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Deactivates the auto-created golden example of a vote that is changing or going away, with an audit entry. */
async function deactivateAutoGoldenExample(tx: Tx, existing: StoredFeedback, cause: "vote_changed" | "vote_withdrawn", now: Date) {
  const example = await tx.goldenExample.findFirst({
    where: { feedbackId: existing.id, approvalType: "auto", isActive: true },
    select: { id: true },
  });
  if (!example) return;
  await tx.goldenExample.update({ where: { id: example.id }, data: { isActive: false, updatedAt: now } });
  await tx.auditLog.create({
    data: {
      organizationId: existing.organizationId,
      actorUserId: existing.userId,
      actorType: "user",
      action: "golden_example.deactivated",
      targetType: "golden_example",
      targetId: example.id,
      data: { feedback_id: existing.id, cause },
      createdAt: now,
    },
  });
}

function enqueueGoldenExampleJob(tx: Tx, feedback: StoredFeedback, now: Date) {
  return enqueueJob(tx, {
    type: GOLDEN_EXAMPLE_JOB,
    payload: { feedback_id: feedback.id, revision: feedback.revision },
    organizationId: feedback.organizationId,
    dedupeKey: goldenExampleJobKey(feedback.id, feedback.revision),
    runAt: now,
  });
}

/** The store for PostgreSQL (and any provider) through Prisma's query API. */
export class PrismaFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Db) {}

  async loadSubmissionContext(organizationId: string, userId: string, messageId: string): Promise<SubmissionContext | null> {
    const message = await this.db.message.findFirst({
      where: { id: messageId, organizationId },
      select: {
        role: true,
        conversationId: true,
        conversation: { select: { userId: true } },
        feedback: { where: { userId }, select: feedbackSelect, take: 1 },
        organization: { select: { settings: true } },
      },
    });
    if (!message) return null;
    const existing = message.feedback[0];
    return {
      messageRole: message.role,
      conversationId: message.conversationId,
      conversationOwnerId: message.conversation.userId,
      settings: message.organization.settings,
      existing: existing ? toStored(existing) : null,
    };
  }

  async listFeedbackInConversation(organizationId: string, userId: string, conversationId: string): Promise<ConversationFeedback | null> {
    const conversation = await this.db.conversation.findFirst({
      where: { id: conversationId, organizationId },
      select: { userId: true },
    });
    if (!conversation) return null;
    return { conversationOwnerId: conversation.userId, list: await this.listFeedback({ organizationId, userId, conversationId }) };
  }

  listFeedbackOnMessages(organizationId: string, userId: string, messageIds: string[]): Promise<FeedbackListJson> {
    return this.listFeedback({ organizationId, userId, messageId: { in: messageIds } });
  }

  private async listFeedback(where: Prisma.FeedbackWhereInput): Promise<FeedbackListJson> {
    const rows = await this.db.feedback.findMany({ where, select: feedbackSelect });
    return SerializedJson.of({ items: rows.map((row) => toFeedbackResponse(toStored(row))) });
  }

  async applyVote(plan: VotePlan, now: Date): Promise<StoredFeedback> {
    try {
      return await this.db.$transaction(async (tx) => {
        if (plan.kind === "create") {
          const created = toStored(
            await tx.feedback.create({
              data: { ...plan.vote, reasonKeys: plan.vote.reasonKeys, createdAt: now, updatedAt: now },
              select: feedbackSelect,
            }),
          );
          if (plan.enqueueGoldenExample) await enqueueGoldenExampleJob(tx, created, now);
          return created;
        }
        const { existing } = plan;
        const data =
          plan.kind === "update-reason"
            ? { reason: plan.reason, reasonKeys: plan.reasonKeys, updatedAt: now }
            : {
                feedbackType: plan.vote.feedbackType,
                reason: plan.vote.reason,
                reasonKeys: plan.vote.reasonKeys,
                status: plan.vote.status,
                revision: existing.revision + 1,
                reviewedById: null,
                reviewedAt: null,
                dismissalReason: null,
                updatedAt: now,
              };
        const { count } = await tx.feedback.updateMany({ where: { id: existing.id, revision: existing.revision }, data });
        if (count === 0) throw new ConcurrentVoteChange();
        const updated = toStored(await tx.feedback.findUniqueOrThrow({ where: { id: existing.id }, select: feedbackSelect }));
        if (plan.kind === "change-vote") {
          await deactivateAutoGoldenExample(tx, existing, "vote_changed", now);
          if (plan.enqueueGoldenExample) await enqueueGoldenExampleJob(tx, updated, now);
        }
        return updated;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConcurrentVoteChange();
      throw error;
    }
  }

  async deleteVote(existing: StoredFeedback, now: Date): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        // Before the delete: deleting the feedback detaches its golden example (SET NULL).
        await deactivateAutoGoldenExample(tx, existing, "vote_withdrawn", now);
        const { count } = await tx.feedback.deleteMany({ where: { id: existing.id, revision: existing.revision } });
        if (count === 0) throw new ConcurrentVoteChange();
      });
      return true;
    } catch (error) {
      if (error instanceof ConcurrentVoteChange) return false;
      throw error;
    }
  }

  async syncAutoGoldenExample(feedbackId: string, revision: number): Promise<void> {
    // Reads first, outside the transaction, so that the transaction (and its row lock) stays short.
    const feedback = await this.db.feedback.findUnique({
      where: { id: feedbackId },
      select: { organizationId: true, messageId: true, revision: true, feedbackType: true, status: true },
    });
    if (!feedback || feedback.revision !== revision || feedback.feedbackType !== "positive" || feedback.status !== "auto_approved") return;
    const source = await loadGoldenExampleSource(this.db, feedback.messageId);
    if (!source) return;

    await this.db.$transaction(async (tx) => {
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
}
