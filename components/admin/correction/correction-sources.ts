// Where a correction can start from. The editor offers each source that applies as a button.
import type { AdminFeedbackItem } from "@/lib/api/admin-schemas";
import { adminApi } from "../admin-api";

export interface CorrectionSource {
  id: string;
  label: string;
  /** Whether this source has anything for the item. */
  appliesTo(item: AdminFeedbackItem): boolean;
  /** The text to start from; may take a while (the editor shows progress) and may fail (it says so). */
  load(item: AdminFeedbackItem): Promise<string>;
}

export const CORRECTION_SOURCES: readonly CorrectionSource[] = [
  {
    id: "rated-answer",
    label: "Start from the rated answer",
    appliesTo: () => true,
    load: async (item) => item.original_response,
  },
  {
    id: "golden-answer",
    label: "Start from the golden answer",
    appliesTo: (item) => item.golden_response !== null && item.golden_response !== item.original_response,
    load: async (item) => item.golden_response ?? item.original_response,
  },
  {
    id: "responder-draft",
    label: "Draft with AI",
    // A correction is for an answer the user rated down.
    appliesTo: (item) => item.feedback_type === "negative",
    load: async (item) => {
      const draft = await adminApi.draftCorrection(item.id);
      if (!draft.success || draft.generated_response === null) throw new Error(draft.error ?? "the responder sent no draft");
      return draft.generated_response;
    },
  },
];
