import { describe, expect, it } from "vitest";
import type { GoldenExample } from "@/lib/api/admin-schemas";
import { CSV_COLUMNS, csvHeader, toCsvRow, toFineTuningRecord } from "./export-format";

const example = (overrides: Partial<GoldenExample> = {}): GoldenExample => ({
  id: "g1",
  feedback_id: "f1",
  source_type: "feedback",
  approval_type: "manual",
  original_query: "How much is it?",
  original_response: "It is free.",
  golden_response: "It costs $10.",
  context: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "How much is it?" },
  ],
  created_by: "u1",
  is_active: true,
  created_at: "2026-12-01T10:00:00.000Z",
  updated_at: "2026-12-01T11:00:00.000Z",
  ...overrides,
});

describe("the chat fine-tuning record", () => {
  it("is the conversation before the answer, then the golden response as the last assistant message", () => {
    expect(toFineTuningRecord(example())).toEqual({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "How much is it?" },
        { role: "assistant", content: "It costs $10." },
      ],
    });
  });

  it("adds the question when the context does not end with it (a hand-written example)", () => {
    expect(toFineTuningRecord(example({ context: [] })).messages).toEqual([
      { role: "user", content: "How much is it?" },
      { role: "assistant", content: "It costs $10." },
    ]);
    expect(toFineTuningRecord(example({ context: [{ role: "user", content: "Earlier question" }, { role: "assistant", content: "Earlier answer" }] })).messages.slice(-2)).toEqual([
      { role: "user", content: "How much is it?" },
      { role: "assistant", content: "It costs $10." },
    ]);
  });
});

describe("CSV", () => {
  it("has the documented columns, in order", () => {
    expect(csvHeader()).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
    expect(CSV_COLUMNS).toEqual(["id", "feedback_id", "source_type", "approval_type", "original_query", "original_response", "golden_response", "context", "created_at", "updated_at"]);
  });

  it("quotes fields with commas, quotes or line breaks (RFC 4180) and leaves others bare; null is empty", () => {
    const row = toCsvRow(example({ feedback_id: null, golden_response: 'Say "hi",\r\nthen wave', original_query: "=SUM(A1)" }));
    expect(row).toBe(
      'g1,,feedback,manual,=SUM(A1),It is free.,"Say ""hi"",\r\nthen wave","[{""role"":""system"",""content"":""Be brief.""},{""role"":""user"",""content"":""How much is it?""}]",2026-12-01T10:00:00.000Z,2026-12-01T11:00:00.000Z\r\n',
    );
  });
});
