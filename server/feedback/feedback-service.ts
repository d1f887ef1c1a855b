import "server-only";
import type { SubmitFeedbackBody } from "@/lib/api/schemas";
import { conversationLimit, type UserActor } from "@/server/auth/actor";
import { canSeeConversation } from "@/server/conversations/conversation-access";
import { inTransaction, type Db, type Queryable } from "@/server/db/database";
import { lockVote } from "@/server/db/vote-lock";
import { forbidden, invalidInput, notFound } from "@/server/errors";
import { notifyJobsEnqueued } from "@/server/jobs/job-signal";
import { feedbackRulesFromSettings } from "@/server/settings/feedback-rules-from-settings";
import { createsGoldenExampleAutomatically, initialStatus, validateReason } from "./feedback-rules";
import {
  applyVote,
  deleteVote,
  listFeedbackInConversation as readConversationFeedback,
  listFeedbackOnMessages as readMessagesFeedback,
  loadSubmissionContext,
  type StoredFeedback,
  type SubmissionContext,
  type VotePlan,
} from "./feedback-store";

export interface FeedbackServiceContext {
  db: Db;
  actor: UserActor;
  now?: () => Date;
}

const MESSAGE_NOT_FOUND = "Message not found";

/** A feedback token naming a conversation sees nothing outside it: the same 404 as an invisible message. */
function withinLimit(actor: UserActor, conversationId: string): boolean {
  const limit = conversationLimit(actor);
  return limit === null || limit === conversationId;
}

async function loadVisibleMessage(db: Queryable, actor: UserActor, messageId: string): Promise<SubmissionContext> {
  const context = await loadSubmissionContext(db, actor.organizationId, actor.userId, messageId);
  // Unknown and invisible messages get the same answer, so ids of other users and organizations leak nothing.
  if (!context || !canSeeConversation(actor, context.conversationOwnerId) || !withinLimit(actor, context.conversationId)) throw notFound(MESSAGE_NOT_FOUND);
  return context;
}

function planVote(actor: UserActor, messageId: string, input: SubmitFeedbackBody, context: SubmissionContext): VotePlan {
  const { existing } = context;
  const rules = feedbackRulesFromSettings(context.settings);
  if (context.messageRole !== "assistant") throw invalidInput("Only assistant messages can be rated", "message_not_rateable");
  if (!rules.feedbackEnabled) throw forbidden("Feedback is turned off for this organization", "feedback_disabled");
  const { reason, reasonKeys } = validateReason(input.feedback_type, input, rules);

  // Re-sending the same vote only replaces the reason: restarting the lifecycle would let a
  // second click silently undo a reviewer's decision.
  if (existing && existing.feedbackType === input.feedback_type) return { kind: "update-reason", existing, reason, reasonKeys };

  const status = initialStatus(input.feedback_type, rules);
  const vote = {
    organizationId: actor.organizationId,
    messageId,
    conversationId: context.conversationId,
    userId: actor.userId,
    feedbackType: input.feedback_type,
    reason,
    reasonKeys,
    status,
  };
  const enqueueGoldenExample = createsGoldenExampleAutomatically(input.feedback_type, status);
  return existing ? { kind: "change-vote", existing, vote, enqueueGoldenExample } : { kind: "create", vote, enqueueGoldenExample };
}

/**
 * Creates or changes the caller's vote on a message. Decided and written in one transaction under
 * the vote's lock, so simultaneous submissions for one vote take turns: each sees the one before.
 */
export async function submitFeedback(ctx: FeedbackServiceContext, input: SubmitFeedbackBody): Promise<{ feedback: StoredFeedback; created: boolean }> {
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  const { feedback, plan } = await inTransaction(ctx.db, async (tx) => {
    await lockVote(tx, ctx.actor.userId, input.message_id);
    const context = await loadVisibleMessage(tx, ctx.actor, input.message_id);
    const plan = planVote(ctx.actor, input.message_id, input, context);
    return { feedback: await applyVote(tx, plan, now), plan };
  });
  if (plan.kind !== "update-reason" && plan.enqueueGoldenExample) notifyJobsEnqueued();
  return { feedback, created: plan.kind === "create" };
}

export async function getFeedbackForMessage(ctx: FeedbackServiceContext, messageId: string): Promise<StoredFeedback | null> {
  return (await loadVisibleMessage(ctx.db, ctx.actor, messageId)).existing;
}

/** Removes the caller's vote. Idempotent: withdrawing nothing succeeds. */
export async function withdrawFeedback(ctx: FeedbackServiceContext, messageId: string): Promise<void> {
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  await inTransaction(ctx.db, async (tx) => {
    await lockVote(tx, ctx.actor.userId, messageId);
    const { existing } = await loadVisibleMessage(tx, ctx.actor, messageId);
    if (existing) await deleteVote(tx, existing, now);
  });
}

/** The caller's votes in a conversation they may see. */
export async function listFeedbackInConversation(ctx: FeedbackServiceContext, conversationId: string): Promise<StoredFeedback[]> {
  const found = withinLimit(ctx.actor, conversationId) ? await readConversationFeedback(ctx.db, ctx.actor.organizationId, ctx.actor.userId, conversationId) : null;
  if (!found || !canSeeConversation(ctx.actor, found.conversationOwnerId)) throw notFound("Conversation not found");
  return found.feedback;
}

/** The caller's votes on a list of messages; a vote is always visible to its author. */
export async function listFeedbackOnMessages(ctx: FeedbackServiceContext, messageIds: string[]): Promise<StoredFeedback[]> {
  const limit = conversationLimit(ctx.actor);
  if (limit === null) return readMessagesFeedback(ctx.db, ctx.actor.organizationId, ctx.actor.userId, messageIds);
  // Limited to one conversation: its votes, of those messages; the others are absent as if unrated.
  const wanted = new Set(messageIds);
  const found = await readConversationFeedback(ctx.db, ctx.actor.organizationId, ctx.actor.userId, limit);
  return (found?.feedback ?? []).filter((vote) => wanted.has(vote.messageId));
}
