"use client";

import type { ReactNode } from "react";
import { AlertTriangleIcon } from "lucide-react";
import { FeedbackApiError } from "@/lib/api/feedback-api-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";

// The states every admin list shares: loading, failed, empty, and its pages.

export const errorText = (error: unknown) => (error instanceof FeedbackApiError ? error.detail : String(error));

export function ListLoading({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <div className="flex flex-col gap-2">
      <span role="status" className="sr-only">
        {label}
      </span>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className="h-10 w-full" />
      ))}
    </div>
  );
}

export function ListError({ what, error, onRetry }: { what: string; error: unknown; onRetry(): void }) {
  return (
    <Alert tone="error" role="alert">
      <AlertTriangleIcon aria-hidden />
      <div className="flex flex-col gap-2">
        <p>
          {what} could not be loaded: {errorText(error)}
        </p>
        <div>
          <Button size="sm" variant="secondary" onClick={onRetry}>
            Retry
          </Button>
        </div>
      </div>
    </Alert>
  );
}

export function ListEmpty({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-border px-6 py-12 text-center [&>svg]:size-8 [&>svg]:text-muted-foreground">{icon}{children}</div>;
}

/** "26–50 of 120" with previous and next; pages are 1-based. */
export function ListPages({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p aria-live="polite" className="text-muted-foreground">
        {first}–{last} of {total.toLocaleString("en")}
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous page
        </Button>
        <Button size="sm" variant="secondary" disabled={last >= total} onClick={() => onPage(page + 1)}>
          Next page
        </Button>
      </div>
    </nav>
  );
}
