"use client";

import { useId, useState, type KeyboardEvent, type RefObject } from "react";
import { Loader2Icon } from "lucide-react";
import type { AdminFeedbackItem } from "@/lib/api/admin-schemas";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { CorrectionDiff } from "./correction-diff";
import { CORRECTION_SOURCES, type CorrectionSource } from "./correction-sources";

export interface CorrectionEditorProps {
  item: AdminFeedbackItem;
  value: string;
  onChange(value: string): void;
  /** Resolve with this correction (Ctrl/⌘+Enter). */
  onSubmit(value: string): void;
  /** Leave the editor (Escape); the draft is kept. */
  onCancel(): void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  sources?: readonly CorrectionSource[];
  disabled?: boolean;
}

/** Why the correction cannot be used yet, or null when it can. */
export function correctionProblem(item: AdminFeedbackItem, value: string): string | null {
  if (!value.trim()) return "Write the corrected answer.";
  if (item.feedback_type === "negative" && value.trim() === item.original_response.trim()) return "The correction is still the rated answer: change it first.";
  return null;
}

/** The corrected-response editor: prefilled with the rated answer, with a live word diff against it. */
export function CorrectionEditor({ item, value, onChange, onSubmit, onCancel, textareaRef, sources = CORRECTION_SOURCES, disabled = false }: CorrectionEditorProps) {
  const id = useId();
  const [loading, setLoading] = useState<string | null>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);
  const problem = correctionProblem(item, value);

  async function startFrom(source: CorrectionSource) {
    setLoading(source.id);
    setSourceError(null);
    try {
      onChange(await source.load(item));
    } catch (error) {
      setSourceError(`${source.label} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setLoading(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!problem) onSubmit(value);
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <section data-slot="correction-editor" aria-labelledby={`${id}-label`} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Label id={`${id}-label`} htmlFor={`${id}-text`}>
          Corrected answer
        </Label>
        <div className="flex flex-wrap gap-1">
          {sources
            .filter((source) => source.appliesTo(item))
            .map((source) => (
              <Button key={source.id} size="sm" variant="ghost" disabled={disabled || loading !== null} onClick={() => startFrom(source)}>
                {loading === source.id ? <Loader2Icon className="motion-safe:animate-spin" aria-hidden /> : null}
                {source.label}
              </Button>
            ))}
        </div>
      </div>
      <Textarea
        id={`${id}-text`}
        ref={textareaRef}
        value={value}
        disabled={disabled}
        rows={6}
        aria-describedby={`${id}-help ${id}-problem`}
        aria-invalid={problem !== null && value !== item.original_response ? true : undefined}
        onChange={(event) => {
          setSourceError(null);
          onChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-help`} className="text-xs text-muted-foreground">
        <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> resolves with this correction, <Kbd>Esc</Kbd> leaves the editor (the draft stays). {value.length.toLocaleString("en")} characters.
      </p>
      <p id={`${id}-problem`} className="text-xs text-negative" aria-live="polite">
        {sourceError ?? (problem && value !== "" ? problem : null)}
      </p>
      <CorrectionDiff original={item.original_response} changed={value} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={disabled || problem !== null} onClick={() => onSubmit(value)}>
          Resolve with this correction
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Close editor
        </Button>
      </div>
    </section>
  );
}
