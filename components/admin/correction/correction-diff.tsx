"use client";

import { useMemo } from "react";
import { diffWords } from "diff";
import { cn } from "@/lib/utils";

export interface DiffSummary {
  added: number;
  removed: number;
}

/** Words added and removed between the two texts (whitespace changes ignored). */
export function useWordDiff(original: string, changed: string) {
  return useMemo(() => {
    const parts = diffWords(original, changed);
    const count = (kind: "added" | "removed") =>
      parts.filter((part) => part[kind]).reduce((sum, part) => sum + part.value.split(/\s+/).filter(Boolean).length, 0);
    return { parts, summary: { added: count("added"), removed: count("removed") } satisfies DiffSummary };
  }, [original, changed]);
}

export function describeDiff({ added, removed }: DiffSummary): string {
  if (added === 0 && removed === 0) return "No changes against the rated answer";
  const words = (n: number) => `${n} word${n === 1 ? "" : "s"}`;
  return [added ? `${words(added)} added` : null, removed ? `${words(removed)} removed` : null].filter(Boolean).join(", ");
}

/**
 * The changed text with its differences from the original marked: insertions underlined on a
 * positive tint, deletions struck through on a negative one (more than colour), and each marked
 * for screen readers by `<ins>`/`<del>` plus a spoken prefix.
 */
export function CorrectionDiff({ original, changed, className }: { original: string; changed: string; className?: string }) {
  const { parts, summary } = useWordDiff(original, changed);
  return (
    <div data-slot="correction-diff" className={cn("flex flex-col gap-1", className)}>
      <p className="text-xs text-muted-foreground" data-testid="diff-summary">
        {describeDiff(summary)}
      </p>
      <div className="rounded-md border border-border bg-muted/40 p-3 text-sm leading-relaxed whitespace-pre-wrap">
        {parts.map((part, index) =>
          part.added ? (
            <ins key={index} className="rounded-sm bg-positive/15 text-foreground underline decoration-positive decoration-2 underline-offset-2">
              <span className="sr-only">[added: </span>
              {part.value}
              <span className="sr-only">]</span>
            </ins>
          ) : part.removed ? (
            <del key={index} className="rounded-sm bg-negative/15 text-foreground line-through decoration-negative decoration-2">
              <span className="sr-only">[removed: </span>
              {part.value}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <span key={index}>{part.value}</span>
          ),
        )}
      </div>
    </div>
  );
}
