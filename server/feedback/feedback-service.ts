import "server-only";
import type { SubmitFeedbackBody } from "@/lib/api/schemas";
import { hasRole, type UserActor } from "@/server/auth/actor";
import { conflict, forbidden, invalidInput, notFound } from "@/server/errors";
import { notifyJobsEnqueued } from "@/server/jobs/job-signal";
import { feedbackRulesFromSettings } from "@/server/settings/feedback-rules-from-settings";
import { createsGoldenExampleAutomatically, initialStatus, validateReason } from "./feedback-rules";
import {
  ConcurrentVoteChange,
  type FeedbackListJson,
  type FeedbackStore,
  type StoredFeedback,
  type SubmissionContext,
  type VotePlan,
} from "./feedback-store";

export interface FeedbackServiceContext {
  store: FeedbackStore;
  actor: UserActor;
  now?: () => Date;
}

const MAX_ATTEMPTS = 5;
const MESSAGE_NOT_FOUND = "Message not found";

/** Conversation owners see their chats; reviewers and admins see every chat of their organization. */
function canSee(actor: UserActor, conversationOwnerId: string): boolean {
  return conversationOwnerId === actor.userId || hasRole(actor, "reviewer");
}

async function loadVisibleMessage(ctx: FeedbackServiceContext, messageId: string): Promise<SubmissionContext> {
  const context = await ctx.store.loadSubmissionContext(ctx.actor.organizationId, ctx.actor.userId, messageId);
  // Unknown and invisible messages get the same answer, so ids of other users and organizations leak nothing.
  if (!context || !canSee(ctx.actor, context.conversationOwnerId)) throw notFound(MESSAGE_NOT_FOUND);
  return context;
}

function planVote(ctx: FeedbackServiceContext, messageId: string, input: SubmitFeedbackBody, context: SubmissionContext): VotePlan {
  const { existing } = context;
  const rules = feedbackRulesFromSettings(context.settings);
  if (context.messageRole !== "assistant") throw invalidInput("Only assistant messages can be rated", "message_not_rateable");
  if (!rules.feedbackEnabled) throw forbidden("Feedback is turned off for this organization");
  const { reason, reasonKeys } = validateReason(input.feedback_type, input, rules);

  // Re-sending the same vote only replaces the reason: restarting the lifecycle would let a
  // second click silently undo a reviewer's decision.
  if (existing && existing.feedbackType === input.feedback_type) return { kind: "update-reason", existing, reason, reasonKeys };

  const status = initialStatus(input.feedback_type, rules);
  const vote = {
    organizationId: ctx.actor.organizationId,
    messageId,
    conversationId: context.conversationId,
    userId: ctx.actor.userId,
    feedbackType: input.feedback_type,
    reason,
    reasonKeys,
    status,
  };
  const enqueueGoldenExample = createsGoldenExampleAutomatically(input.feedback_type, status);
  return existing ? { kind: "change-vote", existing, vote, enqueueGoldenExample } : { kind: "create", vote, enqueueGoldenExample };
}

/**
 * Creates or changes the caller's vote on a message. Optimistic: the plan is computed from one
 * read and written in one transaction; a concurrent change to the same vote makes it start over.
 */
export async function submitFeedback(ctx: FeedbackServiceContext, input: SubmitFeedbackBody): Promise<{ feedback: StoredFeedback; created: boolean }> {
  const now = ctx.now ?? (() => new Date());
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const context = await loadVisibleMessage(ctx, input.message_id);
    const plan = planVote(ctx, input.message_id, input, context);
    try {
      const feedback = await ctx.store.applyVote(plan, now());
      if (plan.kind !== "update-reason" && plan.enqueueGoldenExample) notifyJobsEnqueued();
      return { feedback, created: plan.kind === "create" };
    } catch (error) {
      if (!(error instanceof ConcurrentVoteChange)) throw error;
    }
  }
  throw conflict("This vote is being changed by another request; try again", "concurrent_vote_change");
}

export async function getFeedbackForMessage(ctx: FeedbackServiceContext, messageId: string): Promise<StoredFeedback | null> {
  return (await loadVisibleMessage(ctx, messageId)).existing;
}

/** Removes the caller's vote. Idempotent: withdrawing nothing succeeds. */
export async function withdrawFeedback(ctx: FeedbackServiceContext, messageId: string): Promise<void> {
  const now = ctx.now ?? (() => new Date());
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { existing } = await loadVisibleMessage(ctx, messageId);
    if (!existing || (await ctx.store.deleteVote(existing, now()))) return;
  }
  throw conflict("This vote is being changed by another request; try again", "concurrent_vote_change");
}

/** The caller's votes in a conversation they may see. */
export async function listFeedbackInConversation(ctx: FeedbackServiceContext, conversationId: string): Promise<FeedbackListJson> {
  const found = await ctx.store.listFeedbackInConversation(ctx.actor.organizationId, ctx.actor.userId, conversationId);
  if (!found || !canSee(ctx.actor, found.conversationOwnerId)) throw notFound("Conversation not found");
  return found.list;
}

/** The caller's votes on a list of messages; a vote is always visible to its author. */
export async function listFeedbackOnMessages(ctx: FeedbackServiceContext, messageIds: string[]): Promise<FeedbackListJson> {
  return ctx.store.listFeedbackOnMessages(ctx.actor.organizationId, ctx.actor.userId, messageIds);
}
