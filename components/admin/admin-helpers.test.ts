import { describe, expect, it } from "vitest";
import { summarizeChange } from "./audit/audit-log-table";
import { excerpt, formatAge } from "./format";
import { toExportQuery, toGoldenQuery } from "./golden/golden-params";
import { toQueueQuery } from "./queue/queue-params";
import { keyFromLabel } from "./settings/settings-form";

describe("toQueueQuery", () => {
  it("turns the URL filters into the API's query, leaving out what is not set", () => {
    expect(toQueueQuery({ status: "pending", type: null, q: "  ", from: null, to: null, page: 1 })).toEqual({ limit: "25", offset: "0", status: "pending" });
    expect(toQueueQuery({ status: "all", type: "negative", q: " Team plan ", from: "2026-11-01", to: "2026-11-30", page: 3 })).toEqual({
      limit: "25",
      offset: "50",
      type: "negative",
      search: "Team plan",
      from: "2026-11-01",
      to: "2026-11-30",
    });
  });
});

describe("golden-example filters", () => {
  it("give the list and the export the same filters", () => {
    const filters = { q: "vpn", source: "feedback" as const, approval: null, active: "false" as const, page: 2 };
    expect(toGoldenQuery(filters)).toEqual({ limit: "25", offset: "25", search: "vpn", source_type: "feedback", is_active: "false" });
    expect(toExportQuery(filters, "jsonl")).toEqual({ format: "jsonl", search: "vpn", source_type: "feedback", is_active: "false" });
    expect(toExportQuery({ ...filters, active: "all" }, "csv")).not.toHaveProperty("is_active");
  });
});

describe("keyFromLabel", () => {
  it("makes a key the API accepts from a label", () => {
    expect(keyFromLabel("Too long")).toBe("too_long");
    expect(keyFromLabel("  Réponse hors sujet!  ")).toBe("reponse_hors_sujet");
    expect(keyFromLabel("x".repeat(80))).toHaveLength(64);
  });
});

describe("summarizeChange", () => {
  it("lists the fields whose before and after differ", () => {
    expect(summarizeChange({ before: { status: "pending", reviewed_by: null }, after: { status: "reviewed", reviewed_by: null } })).toEqual(["status: pending → reviewed"]);
    expect(summarizeChange({ before: { is_active: true }, after: {} })).toEqual(["is_active: true → –"]);
    expect(summarizeChange(null)).toEqual([]);
  });
});

describe("format", () => {
  it("says how long ago, and cuts long text on one line", () => {
    const now = Date.parse("2026-12-01T12:00:00Z");
    expect(formatAge("2026-11-28T12:00:00Z", now)).toBe("3 days ago");
    expect(formatAge("2026-12-01T11:59:50Z", now)).toBe("now");
    expect(excerpt("a\n  b   c", 10)).toBe("a b c");
    expect(excerpt("abcdefghij", 5)).toBe("abcd…");
  });
});
