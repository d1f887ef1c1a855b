import "server-only";
import type { FeedbackStatus, FeedbackType } from "@/lib/api/schemas";
import { invalidInput } from "@/server/errors";
import type { ReasonOptions } from "@/lib/feedback/reason-options";

/** The settings that decide what happens to a vote (SPEC §3). */
export interface FeedbackRules {
  feedbackEnabled: boolean;
  autoApprovePositive: boolean;
  autoApproveNegative: boolean;
  requireReasonPositive: boolean;
  requireReasonNegative: boolean;
  maxReasonLength: number;
  reasonOptions: ReasonOptions;
}

export function initialStatus(type: FeedbackType, rules: FeedbackRules): FeedbackStatus {
  const autoApprove = type === "positive" ? rules.autoApprovePositive : rules.autoApproveNegative;
  return autoApprove ? "auto_approved" : "pending";
}

/** Approved positive feedback turns the original answer into a golden example without a reviewer. */
export function createsGoldenExampleAutomatically(type: FeedbackType, status: FeedbackStatus): boolean {
  return type === "positive" && status === "auto_approved";
}

export interface ValidReason {
  reason: string | null;
  reasonKeys: string[];
}

/**
 * Applies the organization's reason rules: trims the note, enforces its length limit, accepts only
 * the predefined option keys for this type, and requires a note or an option when the type needs one.
 */
export function validateReason(
  type: FeedbackType,
  input: { reason?: string | null; reason_keys?: string[] },
  rules: FeedbackRules,
): ValidReason {
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (reason && reason.length > rules.maxReasonLength) {
    throw invalidInput(`reason is longer than ${rules.maxReasonLength} characters`, "reason_too_long");
  }
  const reasonKeys = [...new Set(input.reason_keys ?? [])];
  const allowed = new Set(rules.reasonOptions[type].map((option) => option.key));
  const unknown = reasonKeys.filter((key) => !allowed.has(key));
  if (unknown.length > 0) {
    throw invalidInput(
      `Unknown reason option for ${type} feedback: ${unknown.join(", ")} (allowed: ${[...allowed].join(", ") || "none"})`,
      "unknown_reason_option",
    );
  }
  const required = type === "positive" ? rules.requireReasonPositive : rules.requireReasonNegative;
  if (required && !reason && reasonKeys.length === 0) {
    throw invalidInput(`A reason is required for ${type} feedback`, "reason_required");
  }
  return { reason, reasonKeys };
}
