import "server-only";
import { EARLIEST_STORED_TIME, LATEST_STORED_TIME } from "@/lib/api/admin-schemas";

/**
 * A LIKE pattern that finds `text` anywhere, case-insensitively once both sides are lower-cased;
 * the wildcards `%` and `_` (and the escape character) in the text are matched literally.
 */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A timestamp both databases can compare with: the end of 9999-12-31 (the day after is year 10000)
 * and a start before year 1 (30 days before early January of year 1) are brought into range.
 */
const storableIso = (time: number) => new Date(Math.min(Math.max(time, EARLIEST_STORED_TIME), LATEST_STORED_TIME)).toISOString();

/**
 * `from`/`to` as timestamps to compare with: `created >= from` and `created < to`. A date alone is
 * that whole day in UTC (a `to` of 2026-12-01 includes everything on the first of December).
 */
export function dateRangeBounds(range: { from?: string; to?: string }): { from?: string; to?: string } {
  const from = range.from === undefined ? undefined : storableIso(Date.parse(DATE_ONLY.test(range.from) ? `${range.from}T00:00:00Z` : range.from));
  let to: string | undefined;
  if (range.to !== undefined) to = storableIso(DATE_ONLY.test(range.to) ? Date.parse(`${range.to}T00:00:00Z`) + 24 * 60 * 60_000 : Date.parse(range.to) + 1);
  return { from, to };
}
