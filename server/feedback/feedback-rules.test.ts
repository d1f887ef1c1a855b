import { describe, expect, it } from "vitest";
import { DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";
import { createsGoldenExampleAutomatically, initialStatus, validateReason, type FeedbackRules } from "./feedback-rules";

const RULES: FeedbackRules = {
  feedbackEnabled: true,
  autoApprovePositive: true,
  autoApproveNegative: false,
  requireReasonPositive: false,
  requireReasonNegative: true,
  maxReasonLength: 20,
  reasonOptions: DEFAULT_REASON_OPTIONS,
};

describe("feedback rules", () => {
  it("auto-approves per type as the settings say", () => {
    expect(initialStatus("positive", RULES)).toBe("auto_approved");
    expect(initialStatus("negative", RULES)).toBe("pending");
    expect(initialStatus("negative", { ...RULES, autoApproveNegative: true })).toBe("auto_approved");
    expect(initialStatus("positive", { ...RULES, autoApprovePositive: false })).toBe("pending");
  });

  it("creates golden examples automatically only for auto-approved positives", () => {
    expect(createsGoldenExampleAutomatically("positive", "auto_approved")).toBe(true);
    expect(createsGoldenExampleAutomatically("negative", "auto_approved")).toBe(false);
    expect(createsGoldenExampleAutomatically("positive", "pending")).toBe(false);
  });

  it("trims the note and treats blank as absent", () => {
    expect(validateReason("positive", { reason: "  good  " }, RULES)).toEqual({ reason: "good", reasonKeys: [] });
    expect(validateReason("positive", { reason: "   " }, RULES)).toEqual({ reason: null, reasonKeys: [] });
  });

  it("requires a note or an option when the type needs one", () => {
    expect(() => validateReason("negative", { reason: " " }, RULES)).toThrow("A reason is required for negative feedback");
    expect(validateReason("negative", { reason_keys: ["incorrect", "incorrect"] }, RULES)).toEqual({
      reason: null,
      reasonKeys: ["incorrect"],
    });
  });

  it("enforces the organization's length limit after trimming", () => {
    expect(validateReason("positive", { reason: ` ${"x".repeat(20)} ` }, RULES).reason).toHaveLength(20);
    expect(() => validateReason("positive", { reason: "x".repeat(21) }, RULES)).toThrow("longer than 20 characters");
  });

  it("accepts only the option keys configured for the type", () => {
    expect(() => validateReason("positive", { reason_keys: ["incorrect"] }, RULES)).toThrow(
      "Unknown reason option for positive feedback: incorrect",
    );
  });
});
