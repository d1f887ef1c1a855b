import "server-only";

/**
 * A LIKE pattern that finds `text` anywhere, case-insensitively once both sides are lower-cased;
 * the wildcards `%` and `_` (and the escape character) in the text are matched literally.
 */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `from`/`to` as timestamps to compare with: `created >= from` and `created < to`. A date alone is
 * that whole day in UTC (a `to` of 2026-12-01 includes everything on the first of December).
 */
export function dateRangeBounds(range: { from?: string; to?: string }): { from?: string; to?: string } {
  const from = range.from === undefined ? undefined : new Date(DATE_ONLY.test(range.from) ? `${range.from}T00:00:00Z` : range.from).toISOString();
  let to: string | undefined;
  if (range.to !== undefined) {
    const end = DATE_ONLY.test(range.to) ? new Date(Date.parse(`${range.to}T00:00:00Z`) + 24 * 60 * 60_000) : new Date(Date.parse(range.to) + 1);
    to = end.toISOString();
  }
  return { from, to };
}
