"use client";

import { useEffect, useState, type RefObject } from "react";
import { SearchIcon } from "lucide-react";
import type { FeedbackStats } from "@/lib/api/admin-schemas";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { FilterSelect } from "../filter-select";
import { STATUS_LABELS } from "../format";
import type { QueueFilters, QueueStatus } from "./queue-params";

const STATUS_TABS: Array<{ status: QueueStatus; label: string; count: (stats: FeedbackStats) => number }> = [
  { status: "pending", label: STATUS_LABELS.pending, count: (stats) => stats.pending_count },
  { status: "auto_approved", label: STATUS_LABELS.auto_approved, count: (stats) => stats.auto_approved_count },
  { status: "reviewed", label: STATUS_LABELS.reviewed, count: (stats) => stats.reviewed_count },
  { status: "dismissed", label: STATUS_LABELS.dismissed, count: (stats) => stats.dismissed_count },
  { status: "all", label: "All", count: (stats) => stats.total_feedback },
];

const VOTE_OPTIONS = [
  { value: "positive", label: "Positive" },
  { value: "negative", label: "Negative" },
] as const;

export interface QueueFilterBarProps {
  filters: QueueFilters;
  stats: FeedbackStats | undefined;
  onChange(change: Partial<QueueFilters>, options?: { replace?: boolean }): void;
  searchRef?: RefObject<HTMLInputElement | null>;
}

const SEARCH_DEBOUNCE_MS = 300;

/** Status with counts, vote type, free-text search and a date range: every change lands in the URL. */
export function QueueFilterBar({ filters, stats, onChange, searchRef }: QueueFilterBarProps) {
  const [search, setSearch] = useState(filters.q);
  // The URL wins when it changes from outside (back button, a shared link).
  const [urlSearch, setUrlSearch] = useState(filters.q);
  if (urlSearch !== filters.q) {
    setUrlSearch(filters.q);
    setSearch(filters.q);
  }
  useEffect(() => {
    if (search === filters.q) return;
    const timer = setTimeout(() => onChange({ q: search, page: 1 }, { replace: true }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters.q, onChange]);
  const filtered = filters.type !== null || filters.q !== "" || filters.from !== null || filters.to !== null;

  return (
    <div data-slot="queue-filter-bar" className="flex flex-col gap-3">
      <div role="group" aria-label="Status" className="flex flex-wrap gap-1">
        {STATUS_TABS.map((tab) => {
          const active = filters.status === tab.status;
          return (
            <button
              key={tab.status}
              type="button"
              aria-pressed={active}
              onClick={() => onChange({ status: tab.status, page: 1 })}
              className={cn(
                "inline-flex items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
                active && "border-primary bg-muted",
              )}
            >
              {tab.label}
              <span className={cn("rounded-full bg-muted px-1.5 text-xs tabular-nums text-muted-foreground", active && "bg-background text-foreground")}>
                {stats ? tab.count(stats).toLocaleString("en") : "…"}
              </span>
            </button>
          );
        })}
      </div>
      <form role="search" aria-label="Filter the queue" className="flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()}>
        <div className="flex flex-col gap-1">
          <Label htmlFor="queue-search">Search</Label>
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
            <Input
              id="queue-search"
              ref={searchRef}
              type="search"
              value={search}
              placeholder="Question, answer or reason"
              className="w-72 pl-8"
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") onChange({ q: search, page: 1 });
                // Esc leaves the field for the shortcuts; it does not clear it (the browser's default).
                if (event.key === "Escape") {
                  event.preventDefault();
                  event.currentTarget.blur();
                }
              }}
            />
          </div>
        </div>
        <FilterSelect id="queue-type" label="Vote" anyLabel="Both" value={filters.type} options={VOTE_OPTIONS} onChange={(type) => onChange({ type, page: 1 })} />
        <div className="flex flex-col gap-1">
          <Label htmlFor="queue-from">From</Label>
          <Input id="queue-from" type="date" value={filters.from ?? ""} max={filters.to ?? undefined} onChange={(event) => onChange({ from: event.target.value || null, page: 1 })} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="queue-to">To</Label>
          <Input id="queue-to" type="date" value={filters.to ?? ""} min={filters.from ?? undefined} onChange={(event) => onChange({ to: event.target.value || null, page: 1 })} />
        </div>
        {filtered ? (
          <Button variant="ghost" onClick={() => onChange({ type: null, q: "", from: null, to: null, page: 1 })}>
            Clear filters
          </Button>
        ) : null}
      </form>
    </div>
  );
}
