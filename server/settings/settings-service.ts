import "server-only";
import type { FeedbackSettings, UpdateFeedbackSettingsBody } from "@/lib/api/admin-schemas";
import { recordAudit } from "@/server/audit/audit-log";
import type { UserActor } from "@/server/auth/actor";
import { inTransaction, type Db } from "@/server/db/database";
import type { Queryable } from "@/server/db/database";
import { forgetOriginGrants, parseAllowedOrigins } from "./allowed-origins";
import { feedbackRulesFromSettings } from "./feedback-rules-from-settings";
import { readFeedbackSettings } from "./feedback-config-service";
import type { FeedbackRules } from "@/server/feedback/feedback-rules";

export interface SettingsContext {
  db: Db;
  actor: UserActor;
  now?: () => Date;
}

function toSettings(rules: FeedbackRules, allowedOrigins: string[]): FeedbackSettings {
  return {
    auto_approve_positive: rules.autoApprovePositive,
    auto_approve_negative: rules.autoApproveNegative,
    require_reason_positive: rules.requireReasonPositive,
    require_reason_negative: rules.requireReasonNegative,
    feedback_enabled: rules.feedbackEnabled,
    reason_options: rules.reasonOptions,
    max_reason_length: rules.maxReasonLength,
    allowed_origins: allowedOrigins,
  };
}

async function readSettings(db: Queryable, organizationId: string): Promise<FeedbackSettings> {
  const rules = await readFeedbackSettings(db, organizationId);
  const origins = await db.selectFrom("FeedbackSettings").select("allowedOrigins").where("organizationId", "=", organizationId).executeTakeFirst();
  return toSettings(feedbackRulesFromSettings(rules), parseAllowedOrigins(origins?.allowedOrigins ?? []));
}

/** The organization's settings (SPEC §3), the documented defaults where it has none. */
export async function getSettings(ctx: SettingsContext): Promise<FeedbackSettings> {
  return readSettings(ctx.db, ctx.actor.organizationId);
}

/**
 * A partial update: the named settings change, the rest stay. The very next vote is decided by the
 * new settings (votes read them in the statement that reads the message). Audited with what changed.
 */
export async function updateSettings(ctx: SettingsContext, update: UpdateFeedbackSettingsBody): Promise<FeedbackSettings> {
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  const { organizationId } = ctx.actor;
  const { settings, changed } = await inTransaction(ctx.db, async (tx) => {
    const before = await readSettings(tx, organizationId);
    const after: FeedbackSettings = { ...before, ...update };
    const columns = {
      feedbackEnabled: after.feedback_enabled,
      autoApprovePositive: after.auto_approve_positive,
      autoApproveNegative: after.auto_approve_negative,
      requireReasonPositive: after.require_reason_positive,
      requireReasonNegative: after.require_reason_negative,
      maxReasonLength: after.max_reason_length,
      reasonOptions: JSON.stringify(after.reason_options),
      allowedOrigins: JSON.stringify(after.allowed_origins),
      updatedAt: now,
    };
    await tx
      .insertInto("FeedbackSettings")
      .values({ organizationId, ...columns })
      .onConflict((conflict) => conflict.column("organizationId").doUpdateSet(columns))
      .execute();
    const changed = (Object.keys(after) as Array<keyof FeedbackSettings>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (changed.length > 0) {
      await recordAudit(tx, {
        organizationId,
        actor: { type: "user", userId: ctx.actor.userId },
        action: "settings.updated",
        target: { type: "settings", id: organizationId },
        data: { before: Object.fromEntries(changed.map((key) => [key, before[key]])), after: Object.fromEntries(changed.map((key) => [key, after[key]])) },
        at: now,
      });
    }
    return { settings: after, changed };
  });
  // After the commit, so no reload can read the old origins and keep them.
  if (changed.includes("allowed_origins")) forgetOriginGrants();
  return settings;
}
