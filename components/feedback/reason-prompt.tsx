"use client";
import { useEffect, useId, useRef } from "react";
import { CheckIcon } from "./feedback-icons";
import type { FeedbackType } from "@/lib/api/schemas";
import type { ReasonOption } from "@/lib/feedback/reason-options";
import type { FeedbackLabels } from "./feedback-labels";
import { actionVariants, chipClasses, errorTextClasses } from "./feedback-styles";

export interface ReasonDraft {
  keys: string[];
  note: string;
}

export interface ReasonPromptProps {
  type: FeedbackType;
  /** The organization requires a reason for this type: the vote is sent only with one. */
  required: boolean;
  /** The vote of this type is stored (or on its way): an optional reason only adds to it. */
  voteStands: boolean;
  options: ReasonOption[];
  draft: ReasonDraft;
  onDraftChange: (draft: ReasonDraft) => void;
  maxLength: number;
  sending: boolean;
  /** A failed send: shown in the prompt, whose draft is kept for another try. */
  error?: string;
  labels: FeedbackLabels;
  onSend: () => void;
  onClose: () => void;
}

/**
 * The reason prompt: an inline, non-modal dialog under the thumbs (no portal, so it works in any
 * host layout, and no dialog library in the bundle). Focus moves in when it opens.
 */
export function ReasonPrompt({ type, required, voteStands, options, draft, onDraftChange, maxLength, sending, error, labels, onSend, onClose }: ReasonPromptProps) {
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>("button, textarea")?.focus();
  }, []);

  const hasReason = draft.keys.length > 0 || draft.note.trim() !== "";
  const canSend = !sending && (!required || hasReason);
  const toggle = (key: string) =>
    onDraftChange({ ...draft, keys: draft.keys.includes(key) ? draft.keys.filter((k) => k !== key) : [...draft.keys, key] });

  return (
    <div
      ref={panel}
      role="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      data-slot="feedback-reason-prompt"
      data-type={type}
      className="w-full max-w-md rounded-lg border border-border bg-background p-3 text-sm text-foreground shadow-sm"
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSend) onSend();
        }}
      >
        <div className="flex flex-col gap-0.5">
          <p id={`${id}-title`} className="font-medium">
            {labels.promptTitle[type]}
          </p>
          <p id={`${id}-description`} className="text-muted-foreground">
            {required ? labels.promptRequired : voteStands ? labels.promptOptional : labels.promptNotSaved}
          </p>
        </div>
        {options.length > 0 && (
          <div role="group" aria-label={labels.reasons} className="flex flex-wrap gap-2">
            {options.map((option) => {
              const selected = draft.keys.includes(option.key);
              return (
                <button
                  key={option.key}
                  type="button"
                  aria-pressed={selected}
                  data-slot="feedback-reason-chip"
                  data-key={option.key}
                  className={chipClasses}
                  onClick={() => toggle(option.key)}
                >
                  {selected && <CheckIcon className="size-3.5" />}
                  {option.label}
                </button>
              );
            })}
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-note`} className="font-medium">
            {labels.note}
          </label>
          <textarea
            id={`${id}-note`}
            value={draft.note}
            maxLength={maxLength}
            rows={3}
            aria-describedby={`${id}-count`}
            className="w-full resize-y rounded-md border border-border bg-background px-2 py-1.5 text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            onChange={(event) => onDraftChange({ ...draft, note: event.target.value })}
          />
          <p id={`${id}-count`} data-slot="feedback-note-count" className="self-end text-xs text-muted-foreground">
            {labels.characterCount(draft.note.length, maxLength)}
          </p>
        </div>
        {error && (
          <p id={`${id}-error`} data-slot="feedback-error" className={errorTextClasses}>
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={!canSend}
            aria-describedby={error ? `${id}-error` : undefined}
            className={actionVariants({ variant: "primary" })}
          >
            {sending ? labels.sending : error ? labels.retry : labels.send}
          </button>
          <button type="button" className={actionVariants()} onClick={onClose}>
            {required ? labels.cancel : labels.skip}
          </button>
        </div>
      </form>
    </div>
  );
}
