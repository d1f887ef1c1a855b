import "server-only";
import type { GoldenExample } from "@/lib/api/admin-schemas";

/**
 * One line of the chat fine-tuning format: the conversation before the answer, the user's
 * question, and the golden response as the last assistant message. The question is the stored
 * context's last user message already when the example came from feedback; a hand-written example
 * (or one whose context does not end with its question) gets it appended.
 */
export function toFineTuningRecord(example: GoldenExample): { messages: Array<{ role: string; content: string }> } {
  const messages = example.context.map(({ role, content }) => ({ role, content }));
  const last = messages[messages.length - 1];
  if (example.original_query && !(last?.role === "user" && last.content === example.original_query)) {
    messages.push({ role: "user", content: example.original_query });
  }
  messages.push({ role: "assistant", content: example.golden_response });
  return { messages };
}

export const CSV_COLUMNS = [
  "id",
  "feedback_id",
  "source_type",
  "approval_type",
  "original_query",
  "original_response",
  "golden_response",
  "context",
  "created_at",
  "updated_at",
] as const;

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Values are exported exactly as stored: the file is a dataset, and a spreadsheet user who opens it
 * should import it as text (docs/architecture.md, "Export", says why formula characters are not escaped).
 */
function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

export function toCsvRow(example: GoldenExample): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | null> = {
    id: example.id,
    feedback_id: example.feedback_id,
    source_type: example.source_type,
    approval_type: example.approval_type,
    original_query: example.original_query,
    original_response: example.original_response,
    golden_response: example.golden_response,
    context: JSON.stringify(example.context),
    created_at: example.created_at,
    updated_at: example.updated_at,
  };
  return `${CSV_COLUMNS.map((column) => csvField(values[column])).join(",")}\r\n`;
}
