"use client";

import { AlertTriangleIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import type { BulkKind, BulkReport } from "./use-review-actions";

export function BulkActionBar({ count, onAction, onClear }: { count: number; onAction(action: BulkKind): void; onClear(): void }) {
  if (count === 0) return null;
  return (
    <div role="region" aria-label="Selection" data-slot="bulk-action-bar" className="flex flex-wrap items-center gap-2 rounded-md border border-primary bg-muted px-3 py-2 text-sm">
      <span className="font-medium" aria-live="polite">
        {count} selected
      </span>
      <Button size="sm" onClick={() => onAction("resolve")} title="Positive feedback only: negative feedback needs a correction each">
        Resolve <Kbd className="bg-transparent text-inherit">Shift+a</Kbd>
      </Button>
      <Button size="sm" variant="secondary" onClick={() => onAction("dismiss")}>
        Dismiss <Kbd>Shift+d</Kbd>
      </Button>
      <Button size="sm" variant="secondary" onClick={() => onAction("restore")}>
        Restore <Kbd>Shift+r</Kbd>
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}

const VERB = { resolve: "resolved", dismiss: "dismissed", restore: "restored" } as const;

/** Which items of a bulk action were not changed, and why (the API's words). */
export function BulkReportAlert({ report, onDismiss }: { report: BulkReport; onDismiss(): void }) {
  return (
    <Alert tone="error" role="alert" data-slot="bulk-report">
      <AlertTriangleIcon aria-hidden />
      <div className="flex flex-1 flex-col gap-2">
        <p className="font-medium">
          {report.succeeded} {VERB[report.action]}, {report.failures.length} not changed:
        </p>
        <ul className="flex list-disc flex-col gap-1 pl-4">
          {report.failures.map((failure) => (
            <li key={failure.id}>
              <span className="font-medium">“{failure.question}”</span>: {failure.detail}
            </li>
          ))}
        </ul>
        <div>
          <Button size="sm" variant="secondary" onClick={onDismiss}>
            Close
          </Button>
        </div>
      </div>
    </Alert>
  );
}
