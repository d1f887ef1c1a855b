// The golden-example list's URL state, shared by the server page (prefetch) and the client.
import { parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import type { GoldenExampleQuery, GoldenExportQuery } from "@/lib/api/admin-client";

export const GOLDEN_PAGE_SIZE = 25;

export const goldenSearchParams = {
  q: parseAsString.withDefault(""),
  source: parseAsStringLiteral(["feedback", "manual"] as const),
  approval: parseAsStringLiteral(["auto", "manual"] as const),
  active: parseAsStringLiteral(["all", "true", "false"] as const).withDefault("all"),
  page: parseAsInteger.withDefault(1),
};

export interface GoldenFilters {
  q: string;
  source: "feedback" | "manual" | null;
  approval: "auto" | "manual" | null;
  active: "all" | "true" | "false";
  page: number;
}

function filterQuery(filters: GoldenFilters): Omit<GoldenExportQuery, "format"> {
  return {
    ...(filters.q.trim() ? { search: filters.q.trim() } : {}),
    ...(filters.source ? { source_type: filters.source } : {}),
    ...(filters.approval ? { approval_type: filters.approval } : {}),
    ...(filters.active !== "all" ? { is_active: filters.active } : {}),
  };
}

export function toGoldenQuery(filters: GoldenFilters): GoldenExampleQuery {
  return { limit: String(GOLDEN_PAGE_SIZE), offset: String((Math.max(1, filters.page) - 1) * GOLDEN_PAGE_SIZE), ...filterQuery(filters) };
}

/** The export's query for the list's filters (the export itself takes only active examples unless told otherwise). */
export function toExportQuery(filters: GoldenFilters, format: "jsonl" | "csv"): GoldenExportQuery {
  return { format, ...filterQuery(filters) };
}
