import "server-only";
import { DEFAULT_MAX_REASON_LENGTH, DEFAULT_REASON_OPTIONS, ReasonOptionsSchema } from "@/lib/feedback/reason-options";
import type { FeedbackRules } from "@/server/feedback/feedback-rules";

/** A stored settings row: the rules with reason options not yet validated. */
export type FeedbackSettingsRow = Omit<FeedbackRules, "reasonOptions"> & { reasonOptions: unknown };

export const DEFAULT_FEEDBACK_RULES: FeedbackRules = {
  feedbackEnabled: true,
  autoApprovePositive: true,
  autoApproveNegative: false,
  requireReasonPositive: false,
  requireReasonNegative: false,
  maxReasonLength: DEFAULT_MAX_REASON_LENGTH,
  reasonOptions: DEFAULT_REASON_OPTIONS,
};

/** An organization without a settings row gets the documented defaults (SPEC §3). */
export function feedbackRulesFromSettings(row: FeedbackSettingsRow | null): FeedbackRules {
  if (!row) return DEFAULT_FEEDBACK_RULES;
  const reasonOptions = ReasonOptionsSchema.safeParse(row.reasonOptions);
  return {
    feedbackEnabled: row.feedbackEnabled,
    autoApprovePositive: row.autoApprovePositive,
    autoApproveNegative: row.autoApproveNegative,
    requireReasonPositive: row.requireReasonPositive,
    requireReasonNegative: row.requireReasonNegative,
    maxReasonLength: row.maxReasonLength,
    reasonOptions: reasonOptions.success ? reasonOptions.data : DEFAULT_REASON_OPTIONS,
  };
}

