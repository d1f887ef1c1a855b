import "server-only";
import type { FeedbackConfig } from "@/lib/api/schemas";
import type { UserActor } from "@/server/auth/actor";
import type { Db, Queryable } from "@/server/db/database";
import { feedbackRulesFromSettings, type FeedbackSettingsRow } from "./feedback-rules-from-settings";

export interface FeedbackConfigContext {
  db: Db;
  actor: UserActor;
}

/** The organization's settings row, or null when it has none. */
export async function readFeedbackSettings(db: Queryable, organizationId: string): Promise<FeedbackSettingsRow | null> {
  const row = await db
    .selectFrom("FeedbackSettings")
    .select(["feedbackEnabled", "autoApprovePositive", "autoApproveNegative", "requireReasonPositive", "requireReasonNegative", "maxReasonLength", "reasonOptions"])
    .where("organizationId", "=", organizationId)
    .executeTakeFirst();
  return row ?? null;
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
