// The queue's URL state: filters, page and the open item, parsed the same way by the server page
// (to prefetch) and by the client (nuqs), so a shared link opens exactly what its sender saw.
import { createParser, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import type { QueueQuery } from "@/lib/api/admin-client";

export const QUEUE_PAGE_SIZE = 25;
export const QUEUE_STATUSES = ["pending", "auto_approved", "reviewed", "dismissed", "all"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

const parseAsDay = createParser({
  parse: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null),
  serialize: (value: string) => value,
});

export const queueSearchParams = {
  status: parseAsStringLiteral(QUEUE_STATUSES).withDefault("pending"),
  type: parseAsStringLiteral(["positive", "negative"] as const),
  q: parseAsString.withDefault(""),
  from: parseAsDay,
  to: parseAsDay,
  page: parseAsInteger.withDefault(1),
  item: parseAsString,
};

export interface QueueFilters {
  status: QueueStatus;
  type: "positive" | "negative" | null;
  q: string;
  from: string | null;
  to: string | null;
  page: number;
}

/** The API query for the filters: strings only, absent filters left out (so equal filters give equal query keys). */
export function toQueueQuery(filters: QueueFilters): QueueQuery {
  const page = Math.max(1, filters.page);
  return {
    limit: String(QUEUE_PAGE_SIZE),
    offset: String((page - 1) * QUEUE_PAGE_SIZE),
    ...(filters.status !== "all" ? { status: filters.status } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.q.trim() ? { search: filters.q.trim() } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}
