import "server-only";
import type { FeedbackConfig } from "@/lib/api/schemas";
import type { UserActor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import { feedbackRulesFromSettings, type FeedbackSettingsRow } from "./feedback-rules-from-settings";

export interface FeedbackConfigContext {
  db: Db;
  actor: UserActor;
}

/** The only database access of this service: the organization's settings row, or null when it has none. */
export async function readFeedbackSettings(db: Db, organizationId: string): Promise<FeedbackSettingsRow | null> {
  return db.feedbackSettings.findUnique({
    where: { organizationId },
    select: {
      feedbackEnabled: true,
      autoApprovePositive: true,
      autoApproveNegative: true,
      requireReasonPositive: true,
      requireReasonNegative: true,
      maxReasonLength: true,
      reasonOptions: true,
    },
  });
}

/** The user-facing part of the caller's organization's settings: what a rating widget needs before a vote. */
export async function getFeedbackConfig(ctx: FeedbackConfigContext): Promise<FeedbackConfig> {
  const rules = feedbackRulesFromSettings(await readFeedbackSettings(ctx.db, ctx.actor.organizationId));
  return {
    feedback_enabled: rules.feedbackEnabled,
    reason_required: { positive: rules.requireReasonPositive, negative: rules.requireReasonNegative },
    reason_options: rules.reasonOptions,
    max_reason_length: rules.maxReasonLength,
  };
}
