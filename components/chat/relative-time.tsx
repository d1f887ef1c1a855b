"use client";
import { useHydrated } from "@/components/ui/use-hydrated";

function formatTime(iso: string, local: boolean): string {
  const date = new Date(iso);
  const zone = local ? {} : ({ timeZone: "UTC" } as const);
  const locale = local ? undefined : "en-US";
  const now = new Date();
  const sameDay = local ? date.toDateString() === now.toDateString() : iso.slice(0, 10) === now.toISOString().slice(0, 10);
  if (sameDay) return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", ...zone }).format(date);
  const sameYear = local ? date.getFullYear() === now.getFullYear() : date.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }), ...zone }).format(date);
}

/**
 * "14:05" today, "Dec 1" this year, "Dec 1, 2025" before: first drawn in UTC (the same on the
 * server and in hydration, so they match), then in the reader's own zone and locale.
 */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const hydrated = useHydrated();
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {formatTime(iso, hydrated)}
    </time>
  );
}
