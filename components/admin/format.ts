// Formatting shared by the admin pages (server and client alike).

const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });
const dayLong = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const dayShort = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });

export const formatPercent = (value: number) => percent.format(value);

/** A YYYY-MM-DD day (UTC), e.g. "Dec 1, 2026", or "Dec 1" when short. */
export function formatDay(date: string | undefined, { short = false } = {}): string {
  if (!date) return "";
  return (short ? dayShort : dayLong).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export const formatDateTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** How long ago, e.g. "3 days ago", "5 min. ago", "now". */
export function formatAge(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "now";
}

/** The first `max` characters on one line, with an ellipsis when cut. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export const STATUS_LABELS = {
  pending: "Pending",
  auto_approved: "Auto-approved",
  reviewed: "Reviewed",
  dismissed: "Dismissed",
} as const;
