import type { FeedbackType } from "@/lib/api/schemas";

/** Every text the kit shows or announces; override any of them on `FeedbackProvider` (i18n). */
export interface FeedbackLabels {
  /** Accessible names of the thumbs: fixed, never the message text. */
  positive: string;
  negative: string;
  /** Accessible name of the group holding the thumbs. */
  group: string;
  /** Announced politely when a vote is stored, and when it is withdrawn. */
  saved: string;
  removed: string;
  /** The button that reopens the reason prompt for a stored vote. */
  addReason: string;
  editReason: string;
  /** The reason prompt's title per feedback type. */
  promptTitle: Record<FeedbackType, string>;
  /** Under the title: the vote already stands (optional reason), or why a reason is needed first. */
  promptOptional: string;
  promptRequired: string;
  /** An optional prompt whose vote could not be stored: Send stores it, with the reason. */
  promptNotSaved: string;
  reasons: string;
  note: string;
  /** The note's visible count, e.g. "12 / 1000". */
  characterCount: (count: number, max: number) => string;
  send: string;
  sending: string;
  skip: string;
  cancel: string;
  retry: string;
  errors: {
    generic: string;
    network: string;
    load: string;
    reasonRequired: string;
    reasonTooLong: string;
    reasonOptionsChanged: string;
    forbidden: string;
    notFound: string;
    busy: string;
  };
}

export type FeedbackLabelOverrides = Partial<Omit<FeedbackLabels, "promptTitle" | "errors">> & {
  promptTitle?: Partial<FeedbackLabels["promptTitle"]>;
  errors?: Partial<FeedbackLabels["errors"]>;
};

/** Translated labels of the organization's reason options, by feedback type and stable key. */
export type ReasonLabelOverrides = Partial<Record<FeedbackType, Record<string, string>>>;

export const DEFAULT_FEEDBACK_LABELS: FeedbackLabels = {
  positive: "Good response",
  negative: "Bad response",
  group: "Rate this response",
  saved: "Feedback saved",
  removed: "Feedback removed",
  addReason: "Add a reason",
  editReason: "Edit reason",
  promptTitle: { positive: "What was good?", negative: "What went wrong?" },
  promptOptional: "Your rating is saved. Tell us more if you like.",
  promptRequired: "A reason is required for this rating: pick one or write a note, then send.",
  promptNotSaved: "Your rating is not saved yet. Send it, with a reason if you like.",
  reasons: "Reasons",
  note: "Note",
  characterCount: (count, max) => `${count} / ${max}`,
  send: "Send",
  sending: "Sending…",
  skip: "Skip",
  cancel: "Cancel",
  retry: "Retry",
  errors: {
    generic: "Your feedback could not be saved.",
    network: "You seem to be offline: your feedback was not saved.",
    load: "Your earlier feedback could not be loaded.",
    reasonRequired: "Please pick a reason or write a note.",
    reasonTooLong: "The note is too long.",
    reasonOptionsChanged: "The reasons on offer have changed; please pick again.",
    forbidden: "Feedback is not available here.",
    notFound: "This response can no longer be rated.",
    busy: "Your feedback was being changed elsewhere at the same time.",
  },
};

export function mergeLabels(overrides: FeedbackLabelOverrides | undefined): FeedbackLabels {
  if (!overrides) return DEFAULT_FEEDBACK_LABELS;
  return {
    ...DEFAULT_FEEDBACK_LABELS,
    ...overrides,
    promptTitle: { ...DEFAULT_FEEDBACK_LABELS.promptTitle, ...overrides.promptTitle },
    errors: { ...DEFAULT_FEEDBACK_LABELS.errors, ...overrides.errors },
  };
}
