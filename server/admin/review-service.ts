import "server-only";
import type { AdminFeedbackDetail, AdminFeedbackItem, BulkReviewBody, BulkReviewResult, FeedbackQueue, FeedbackQueueQuery } from "@/lib/api/admin-schemas";
import type { FeedbackStatus } from "@/lib/api/schemas";
import { recordAudit } from "@/server/audit/audit-log";
import type { Actor, UserActor } from "@/server/auth/actor";
import { inTransaction, type Db, type Tx } from "@/server/db/database";
import { lockVote } from "@/server/db/vote-lock";
import { conflict, DomainError, invalidInput, notFound } from "@/server/errors";
import { loadGoldenExampleSource } from "@/server/golden-examples/golden-example-source";
import { deactivateGoldenExampleOf, saveReviewedGoldenExample } from "@/server/golden-examples/golden-example-store";
import { deleteFeedback, findQueueItem, findVoter, listQueue, updateFeedback, type AdminFeedbackRow } from "./admin-feedback-store";

/** Reviewers and admins of one organization working its queue. */
export interface ReviewContext {
  db: Db;
  actor: UserActor;
  now?: () => Date;
}

/** Reading the queue needs only the organization: reviewers, or an API key with `feedback:read`. */
export interface ReviewReadContext {
  db: Db;
  actor: Actor;
}

const FEEDBACK_NOT_FOUND = "Feedback not found";

export function toAdminItem(row: AdminFeedbackRow): AdminFeedbackItem {
  const active = row.goldenExampleId !== null && row.goldenIsActive === true;
  return {
    id: row.id,
    message_id: row.messageId,
    user_id: row.userId,
    feedback_type: row.feedbackType,
    reason: row.reason,
    reason_keys: row.reasonKeys,
    status: row.status,
    reviewed_by: row.reviewedById,
    reviewed_at: row.reviewedAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    user_email: row.userEmail,
    reviewer_email: row.reviewerEmail,
    original_query: row.originalQuery ?? "",
    original_response: row.originalResponse,
    chat_id: row.conversationId,
    has_golden_example: active,
    golden_example_id: active ? row.goldenExampleId : null,
    golden_response: active ? row.goldenResponse : null,
    dismissal_reason: row.dismissalReason,
  };
}

export async function listReviewQueue(ctx: ReviewReadContext, query: FeedbackQueueQuery): Promise<FeedbackQueue> {
  const { limit, offset, ...filters } = query;
  const { rows, total } = await listQueue(ctx.db, ctx.actor.organizationId, filters, { limit, offset });
  return { items: rows.map(toAdminItem), total, limit, offset };
}

export async function getReviewItem(ctx: ReviewReadContext, feedbackId: string): Promise<AdminFeedbackDetail> {
  const row = await findQueueItem(ctx.db, ctx.actor.organizationId, feedbackId);
  if (!row) throw notFound(FEEDBACK_NOT_FOUND);
  const source = await loadGoldenExampleSource(ctx.db, row.messageId);
  return { ...toAdminItem(row), context: source?.context ?? [] };
}

/** "reviewed by Rey Reviewer <…> at …" or "last changed by the voter <…> at …": who set the state the item is in. */
function describeState(row: AdminFeedbackRow): string {
  if ((row.status === "reviewed" || row.status === "dismissed") && row.reviewedAt) {
    return `is ${row.status} (by ${row.reviewerEmail ?? "a former reviewer"} at ${row.reviewedAt})`;
  }
  return `is ${row.status} (last changed by the voter, ${row.userEmail}, at ${row.updatedAt})`;
}

type Transition = "resolve" | "dismiss" | "restore";

const ALLOWED_FROM: Record<Transition, readonly FeedbackStatus[]> = {
  resolve: ["pending", "auto_approved"],
  dismiss: ["pending", "auto_approved"],
  restore: ["dismissed"],
};

const PAST_PARTICIPLE: Record<Transition, string> = { resolve: "resolved", dismiss: "dismissed", restore: "restored" };

/**
 * Runs `fn` on one item, atomically and under the vote's lock, so two reviewers (or a reviewer and
 * the voter changing the vote) take turns: the second sees what the first did. With
 * `expectedUpdatedAt` the item must still be as the reviewer loaded it.
 */
async function withLockedItem<T>(
  ctx: ReviewContext,
  feedbackId: string,
  expectedUpdatedAt: string | undefined,
  fn: (tx: Tx, item: AdminFeedbackRow, now: string) => Promise<T>,
): Promise<T> {
  const voter = await findVoter(ctx.db, ctx.actor.organizationId, feedbackId);
  if (!voter) throw notFound(FEEDBACK_NOT_FOUND);
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  return inTransaction(ctx.db, async (tx) => {
    await lockVote(tx, voter.userId, voter.messageId);
    const item = await findQueueItem(tx, ctx.actor.organizationId, feedbackId);
    if (!item) throw notFound(FEEDBACK_NOT_FOUND);
    if (expectedUpdatedAt !== undefined && Date.parse(expectedUpdatedAt) !== Date.parse(item.updatedAt)) {
      throw conflict(`This feedback changed since you loaded it: it ${describeState(item)}`, "item_changed");
    }
    return fn(tx, item, now);
  });
}

/** A review action that changes the item's state and answers with the item as it now is. */
function transition(
  ctx: ReviewContext,
  feedbackId: string,
  expectedUpdatedAt: string | undefined,
  act: (tx: Tx, item: AdminFeedbackRow, now: string) => Promise<void>,
): Promise<AdminFeedbackItem> {
  return withLockedItem(ctx, feedbackId, expectedUpdatedAt, async (tx, item, now) => {
    await act(tx, item, now);
    const updated = await findQueueItem(tx, ctx.actor.organizationId, feedbackId);
    if (!updated) throw notFound(FEEDBACK_NOT_FOUND);
    return toAdminItem(updated);
  });
}

function assertTransition(transition: Transition, item: AdminFeedbackRow) {
  if (!ALLOWED_FROM[transition].includes(item.status)) {
    const allowed = ALLOWED_FROM[transition].join(" or ");
    throw conflict(`Cannot ${transition} this feedback: it ${describeState(item)}; only ${allowed} feedback can be ${PAST_PARTICIPLE[transition]}`, "transition_not_allowed");
  }
}

const reviewer = (ctx: ReviewContext) => ({ type: "user" as const, userId: ctx.actor.userId });

/**
 * Approves the feedback: it becomes `reviewed` and its golden example (created, or updated to the
 * reviewer's version) is `manual`. Negative feedback needs the corrected answer; positive feedback
 * takes the original answer unless the reviewer edited it.
 */
export function resolveFeedback(ctx: ReviewContext, feedbackId: string, input: { golden_response?: string; expected_updated_at?: string }): Promise<AdminFeedbackItem> {
  return transition(ctx, feedbackId, input.expected_updated_at, async (tx, item, now) => {
    assertTransition("resolve", item);
    const correction = input.golden_response?.trim() ? input.golden_response : undefined;
    if (item.feedbackType === "negative" && correction === undefined) {
      throw invalidInput("Resolving negative feedback needs the corrected answer: send golden_response", "golden_response_required");
    }
    const source = await loadGoldenExampleSource(tx, item.messageId);
    if (!source) throw notFound(FEEDBACK_NOT_FOUND);
    await updateFeedback(tx, item.id, { status: "reviewed", reviewedById: ctx.actor.userId, reviewedAt: now, dismissalReason: null, updatedAt: now });
    const example = await saveReviewedGoldenExample(tx, {
      organizationId: item.organizationId,
      feedbackId: item.id,
      source,
      goldenResponse: correction ?? source.originalResponse,
      reviewerId: ctx.actor.userId,
      now,
    });
    await recordAudit(tx, {
      organizationId: item.organizationId,
      actor: reviewer(ctx),
      action: "feedback.resolved",
      target: { type: "feedback", id: item.id },
      data: { before: { status: item.status }, after: { status: "reviewed" }, golden_example_id: example.id, edited: correction !== undefined && correction !== source.originalResponse },
      at: now,
    });
  });
}

/** Marks the feedback as reviewed but not used; a golden example auto-created from it stops being used. */
export function dismissFeedback(ctx: ReviewContext, feedbackId: string, input: { reason?: string | null; expected_updated_at?: string }): Promise<AdminFeedbackItem> {
  return transition(ctx, feedbackId, input.expected_updated_at, async (tx, item, now) => {
    assertTransition("dismiss", item);
    const reason = input.reason?.trim() || null;
    await updateFeedback(tx, item.id, { status: "dismissed", reviewedById: ctx.actor.userId, reviewedAt: now, dismissalReason: reason, updatedAt: now });
    const deactivated = await deactivateGoldenExampleOf(tx, { feedbackId: item.id, organizationId: item.organizationId, actor: reviewer(ctx), cause: "feedback_dismissed", now });
    await recordAudit(tx, {
      organizationId: item.organizationId,
      actor: reviewer(ctx),
      action: "feedback.dismissed",
      target: { type: "feedback", id: item.id },
      data: { before: { status: item.status }, after: { status: "dismissed", dismissal_reason: reason }, ...(deactivated ? { golden_example_deactivated: deactivated } : {}) },
      at: now,
    });
  });
}

/** Puts dismissed feedback back in the queue as pending; the review that dismissed it is cleared. */
export function restoreFeedback(ctx: ReviewContext, feedbackId: string, input: { expected_updated_at?: string }): Promise<AdminFeedbackItem> {
  return transition(ctx, feedbackId, input.expected_updated_at, async (tx, item, now) => {
    assertTransition("restore", item);
    await updateFeedback(tx, item.id, { status: "pending", reviewedById: null, reviewedAt: null, dismissalReason: null, updatedAt: now });
    await recordAudit(tx, {
      organizationId: item.organizationId,
      actor: reviewer(ctx),
      action: "feedback.restored",
      target: { type: "feedback", id: item.id },
      data: { before: { status: item.status, reviewed_by: item.reviewedById, dismissal_reason: item.dismissalReason }, after: { status: "pending" } },
      at: now,
    });
  });
}

/** Deletes the feedback and the golden example made from it. */
export function deleteReviewItem(ctx: ReviewContext, feedbackId: string, input: { expected_updated_at?: string }): Promise<void> {
  return withLockedItem(ctx, feedbackId, input.expected_updated_at, async (tx, item, now) => {
    await deleteFeedback(tx, item.id);
    await recordAudit(tx, {
      organizationId: item.organizationId,
      actor: reviewer(ctx),
      action: "feedback.deleted",
      target: { type: "feedback", id: item.id },
      data: {
        before: { status: item.status, feedback_type: item.feedbackType, reason: item.reason, user_id: item.userId, message_id: item.messageId },
        ...(item.goldenExampleId ? { golden_example_deleted: item.goldenExampleId } : {}),
      },
      at: now,
    });
  });
}

/** Applies one action to up to 100 items, each on its own and atomically; one result per id, in order. */
export async function bulkReview(ctx: ReviewContext, input: BulkReviewBody): Promise<BulkReviewResult> {
  const results: BulkReviewResult["results"] = [];
  for (const id of input.ids) {
    try {
      const item =
        input.action === "resolve"
          ? await resolveFeedback(ctx, id, {})
          : input.action === "dismiss"
            ? await dismissFeedback(ctx, id, { reason: input.reason })
            : await restoreFeedback(ctx, id, {});
      results.push({ id, ok: true, item });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ id, ok: false, error: { code: error.code, detail: error.message } });
    }
  }
  const succeeded = results.filter((result) => result.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
