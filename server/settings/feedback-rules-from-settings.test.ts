import { describe, expect, it } from "vitest";
import { DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";
import { DEFAULT_FEEDBACK_RULES, feedbackRulesFromSettings, type FeedbackSettingsRow } from "./feedback-rules-from-settings";

const ROW: FeedbackSettingsRow = {
  feedbackEnabled: true,
  autoApprovePositive: false,
  autoApproveNegative: true,
  requireReasonPositive: true,
  requireReasonNegative: false,
  maxReasonLength: 200,
  reasonOptions: { positive: [{ key: "great", label: "Great" }], negative: [] },
};

describe("feedbackRulesFromSettings", () => {
  it("uses the documented defaults when the organization has no settings", () => {
    expect(feedbackRulesFromSettings(null)).toEqual(DEFAULT_FEEDBACK_RULES);
    expect(DEFAULT_FEEDBACK_RULES).toMatchObject({ autoApprovePositive: true, autoApproveNegative: false, requireReasonNegative: false });
  });

  it("takes the organization's rules and reason options as stored", () => {
    expect(feedbackRulesFromSettings(ROW)).toEqual(ROW);
  });

  it("falls back to the default options when the stored ones are unreadable", () => {
    for (const reasonOptions of ["{not json", { positive: "nope" }, null]) {
      expect(feedbackRulesFromSettings({ ...ROW, reasonOptions }).reasonOptions).toEqual(DEFAULT_REASON_OPTIONS);
    }
  });
});
