// Sample review data for the admin stories: a small queue in every status, with conversations.
import type { AdminFeedbackDetail, AuditEntry, DailyStats, FeedbackSettings, GoldenExample } from "@/lib/api/admin-schemas";
import { DEFAULT_MAX_REASON_LENGTH, DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";

const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();

function item(id: string, fields: Partial<AdminFeedbackDetail> & Pick<AdminFeedbackDetail, "feedback_type" | "status" | "original_query" | "original_response">): AdminFeedbackDetail {
  return {
    id,
    message_id: `msg-${id}`,
    user_id: "user-mia",
    reason: null,
    reason_keys: [],
    reviewed_by: null,
    reviewed_at: null,
    created_at: at(28),
    updated_at: at(28),
    user_email: "mia@acme.test",
    reviewer_email: null,
    chat_id: `chat-${id}`,
    has_golden_example: false,
    golden_example_id: null,
    golden_response: null,
    dismissal_reason: null,
    context: [{ role: "user", content: fields.original_query }],
    ...fields,
  };
}

export function sampleQueue(): AdminFeedbackDetail[] {
  return [
    item("fb-pricing", {
      feedback_type: "negative",
      status: "pending",
      original_query: "How much does the Team plan cost per seat?",
      original_response: "The Team plan is $8 per seat per month, billed annually.",
      reason: "That price is from last year",
      reason_keys: ["outdated"],
      created_at: at(29),
      updated_at: at(29),
      context: [
        { role: "user", content: "Hi! We are a team of twelve." },
        { role: "assistant", content: "Welcome! How can I help your team?" },
        { role: "user", content: "How much does the Team plan cost per seat?" },
      ],
    }),
    item("fb-export", {
      feedback_type: "positive",
      status: "pending",
      original_query: "How do I export all my projects?",
      original_response: "Go to Settings → Data → Export and choose CSV or JSON.",
      user_email: "omar@acme.test",
      created_at: at(28, 12),
      updated_at: at(28, 12),
    }),
    item("fb-refund", {
      feedback_type: "positive",
      status: "pending",
      original_query: "Will the refund go back to the same card?",
      original_response: "Yes. Refunds always go back to the original payment method.",
      reason_keys: ["accurate"],
      created_at: at(27),
      updated_at: at(27),
    }),
    item("fb-sso", {
      feedback_type: "negative",
      status: "pending",
      original_query: "Can we use Okta for single sign-on?",
      original_response: "Single sign-on is not supported yet.",
      reason: "We use Okta SSO already",
      created_at: at(26),
      updated_at: at(26),
    }),
  ];
}

export const SAMPLE_SETTINGS: FeedbackSettings = {
  auto_approve_positive: true,
  auto_approve_negative: false,
  require_reason_positive: false,
  require_reason_negative: true,
  feedback_enabled: true,
  reason_options: DEFAULT_REASON_OPTIONS,
  max_reason_length: DEFAULT_MAX_REASON_LENGTH,
  allowed_origins: ["https://chat.acme.test"],
};

export function sampleGoldenExamples(): GoldenExample[] {
  const example = (id: string, fields: Partial<GoldenExample> & Pick<GoldenExample, "original_query" | "original_response" | "golden_response">): GoldenExample => ({
    id,
    feedback_id: `fb-${id}`,
    source_type: "feedback",
    approval_type: "manual",
    context: [],
    created_by: "user-rey",
    is_active: true,
    created_at: at(20),
    updated_at: at(20),
    ...fields,
  });
  return [
    example("ge-sso", {
      original_query: "Can we use Okta for single sign-on?",
      original_response: "Single sign-on is not supported yet.",
      golden_response: "Yes. Okta works through SAML 2.0 on the Business plan: in Settings → Security → Single sign-on, choose “Add SAML provider”.",
      updated_at: at(25),
    }),
    example("ge-limits", {
      original_query: "What are the API rate limits?",
      original_response: "The API allows 100 requests per minute per token.",
      golden_response: "The API allows 100 requests per minute per token.",
      approval_type: "auto",
      created_by: null,
    }),
    example("ge-old", {
      original_query: "Is there a free plan?",
      original_response: "Yes, up to three users.",
      golden_response: "Yes, up to three users.",
      is_active: false,
      source_type: "manual",
      feedback_id: null,
    }),
  ];
}

export function sampleDays(count = 30, { empty = false } = {}): DailyStats["days"] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(2026, 10, 1 + index)).toISOString().slice(0, 10);
    const positive = empty ? 0 : (index * 7) % 9;
    const negative = empty ? 0 : (index * 5) % 4;
    return { date, positive, negative, positive_rate: positive + negative === 0 ? null : positive / (positive + negative) };
  });
}

export const SAMPLE_AUDIT: AuditEntry[] = [
  {
    id: "a3",
    actor_type: "user",
    actor_user_id: "user-rey",
    actor_email: "rey@acme.test",
    action: "feedback.resolved",
    target_type: "feedback",
    target_id: "fb-sso",
    data: { before: { status: "pending" }, after: { status: "reviewed" }, golden_example_id: "ge-sso", edited: true },
    created_at: at(25, 14),
  },
  {
    id: "a2",
    actor_type: "user",
    actor_user_id: "user-ada",
    actor_email: "ada@acme.test",
    action: "settings.updated",
    target_type: "settings",
    target_id: "org-acme",
    data: { before: { require_reason_negative: false }, after: { require_reason_negative: true } },
    created_at: at(24, 9),
  },
  {
    id: "a1",
    actor_type: "system",
    actor_user_id: null,
    actor_email: null,
    action: "golden_example.created",
    target_type: "golden_example",
    target_id: "ge-limits",
    data: { cause: "auto_approved" },
    created_at: at(20, 8),
  },
];
