"use client";
import { cva } from "class-variance-authority";
import { ArrowUp, Square } from "lucide-react";
import type { FormEvent, KeyboardEvent } from "react";
import { MAX_CHAT_MESSAGE_LENGTH } from "@/lib/chat/chat-limits";

const COMPOSER_ID = "chat-composer";

const sendButtonVariants = cva(
  "inline-flex size-9 shrink-0 items-center justify-center rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-40 motion-safe:transition-opacity",
  {
    variants: {
      mode: {
        send: "bg-primary text-primary-foreground hover:opacity-90",
        stop: "border border-border bg-background text-foreground hover:bg-muted",
      },
    },
  },
);

/** The count is shown once the message gets near the limit. */
const COUNT_FROM = Math.floor(MAX_CHAT_MESSAGE_LENGTH * 0.9);

export interface ChatComposerProps {
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onStop: () => void;
  /** An answer is streaming: the button stops it, Enter does not send. */
  answering: boolean;
  error: string | null;
}

/** The message box: Enter sends, Shift+Enter starts a new line; while an answer streams the button stops it. */
export function ChatComposer({ draft, onDraftChange, onSend, onStop, answering, error }: ChatComposerProps) {
  const canSend = draft.trim().length > 0 && !answering;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (canSend) onSend();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter while an input method composes a character is part of the composition, not a send.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canSend) onSend();
  }

  return (
    <form aria-label="Send a message" onSubmit={submit} className="mx-auto w-full max-w-3xl px-4 pt-3 pb-4">
      <div className="flex items-end gap-2 rounded-xl border border-border bg-background p-2 shadow-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring">
        <label htmlFor={COMPOSER_ID} className="sr-only">
          Message
        </label>
        <textarea
          id={COMPOSER_ID}
          name="message"
          rows={1}
          value={draft}
          maxLength={MAX_CHAT_MESSAGE_LENGTH}
          placeholder="Ask the assistant something…"
          aria-describedby={`${COMPOSER_ID}-hint${error ? ` ${COMPOSER_ID}-error` : ""}`}
          onChange={(event) => onDraftChange(event.target.value)}
          onKeyDown={onKeyDown}
          className="max-h-48 min-h-9 flex-1 resize-none bg-transparent px-2 py-1.5 text-sm text-foreground [field-sizing:content] placeholder:text-muted-foreground focus:outline-none"
        />
        {answering ? (
          <button type="button" aria-label="Stop the answer" className={sendButtonVariants({ mode: "stop" })} onClick={onStop}>
            <Square aria-hidden className="size-3.5 fill-current" />
          </button>
        ) : (
          <button type="submit" aria-label="Send message" disabled={!canSend} className={sendButtonVariants({ mode: "send" })}>
            <ArrowUp aria-hidden className="size-4" />
          </button>
        )}
      </div>
      <div className="mt-1.5 flex justify-between gap-3 px-1 text-xs text-muted-foreground">
        <p id={`${COMPOSER_ID}-hint`}>Enter to send, Shift+Enter for a new line.</p>
        {draft.length >= COUNT_FROM && (
          <p aria-live="polite">
            {draft.length.toLocaleString("en-US")} / {MAX_CHAT_MESSAGE_LENGTH.toLocaleString("en-US")}
          </p>
        )}
      </div>
      {error && (
        <p id={`${COMPOSER_ID}-error`} role="alert" className="mt-1 px-1 text-sm text-(--color-negative)">
          {error}
        </p>
      )}
    </form>
  );
}
