// Where a correction can start from. The editor offers each source that applies as a button;
// "Draft with AI" (the responder's POST /api/feedback/admin/{id}/generate-response) joins this list
// once that endpoint exists — nothing else in the editor needs to change.
import type { AdminFeedbackItem } from "@/lib/api/admin-schemas";

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
];
