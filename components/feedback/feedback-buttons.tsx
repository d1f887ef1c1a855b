"use client";
import { useRef, useState, type KeyboardEvent } from "react";
import { useIsMutating } from "@tanstack/react-query";
import { ThumbsDownIcon, ThumbsUpIcon } from "./feedback-icons";
import { cx } from "class-variance-authority";
import { FeedbackApiError } from "@/lib/api/feedback-api-error";
import type { SubmitFeedbackInput } from "@/lib/api/feedback-client";
import type { DEFAULT_MAX_REASON_LENGTH } from "@/lib/feedback/reason-options";
import type { FeedbackType } from "@/lib/api/schemas";
import { useFeedbackKit } from "./feedback-context";
import type { FeedbackLabels } from "./feedback-labels";
import { feedbackKeys } from "./feedback-query-keys";
import { actionVariants, errorTextClasses, thumbVariants } from "./feedback-styles";
import { ReasonPrompt, type ReasonDraft } from "./reason-prompt";
import { useSubmitFeedback, useWithdrawFeedback } from "./use-feedback-mutations";
import { useFeedbackConfig, useMessageFeedback } from "./use-feedback-queries";

/** Until the settings have loaded (or when they cannot be read); the server enforces the real limit. */
const FALLBACK_MAX_REASON_LENGTH: typeof DEFAULT_MAX_REASON_LENGTH = 1000;
const TYPES = ["positive", "negative"] as const satisfies readonly FeedbackType[];
const EMPTY_DRAFT: ReasonDraft = { keys: [], note: "" };

export interface FeedbackButtonsProps {
  /** The assistant message's server id. Until it has one (e.g. while streaming) the buttons are disabled. */
  messageId?: string | null;
  /** The conversation the message belongs to: all its votes come from one request (or a server prefetch). */
  conversationId?: string | null;
  /** The answer is still being streamed: the buttons are shown but disabled. */
  streaming?: boolean;
  /** The answer has no content: nothing to rate. */
  empty?: boolean;
  /** Disables the buttons for a reason of the host's (e.g. a read-only transcript). */
  disabled?: boolean;
  /** For layout (margins, alignment); restyle the parts with the design tokens instead. */
  className?: string;
}

interface OpenPrompt {
  type: FeedbackType;
  required: boolean;
}

interface Failure {
  message: string;
  /** Present when sending the same change again can succeed. */
  retry?: () => void;
  /** Shown inside the reason prompt while it is open (its draft is kept; Send tries again). */
  inPrompt: boolean;
}

/** Where a change's outcome shows: under the thumbs, or in the reason prompt (which may close on success). */
type ChangeOrigin = "thumb" | "thumb-with-prompt" | "prompt";

function errorText(error: unknown, labels: FeedbackLabels): string {
  if (!(error instanceof FeedbackApiError)) return labels.errors.generic;
  switch (error.code) {
    case "network_error":
      return labels.errors.network;
    case "reason_required":
      return labels.errors.reasonRequired;
    case "reason_too_long":
      return labels.errors.reasonTooLong;
    case "unknown_reason_option":
      return labels.errors.reasonOptionsChanged;
    case "concurrent_write":
      return labels.errors.busy;
  }
  if (error.status === 403) return labels.errors.forbidden;
  if (error.status === 404) return labels.errors.notFound;
  return labels.errors.generic;
}

function ErrorRow({ message, retry, retryLabel }: { message: string; retry?: () => void; retryLabel: string }) {
  return (
    <p data-slot="feedback-error" className={cx("flex flex-wrap items-center gap-2 text-sm", errorTextClasses)}>
      <span>{message}</span>
      {retry && (
        <button type="button" className={actionVariants({ variant: "ghost" })} onClick={retry}>
          {retryLabel}
        </button>
      )}
    </p>
  );
}

/**
 * Thumbs up / down for one assistant message. A click saves the vote at once; thumbs down (and any
 * type whose reason the organization requires) then asks why. Clicking the chosen thumb again
 * withdraws the vote, the other one switches it.
 */
export function FeedbackButtons({ messageId, conversationId, streaming = false, empty = false, disabled = false, className }: FeedbackButtonsProps) {
  const { labels, icons, reasonLabels, queryClient } = useFeedbackKit();
  const config = useFeedbackConfig();
  const vote = useMessageFeedback(messageId, { conversationId });
  const submit = useSubmitFeedback({ conversationId });
  const withdraw = useWithdrawFeedback({ conversationId });
  const changing =
    useIsMutating(
      { mutationKey: feedbackKeys.votes(), predicate: (mutation) => (mutation.state.variables as { message_id?: string } | undefined)?.message_id === messageId },
      queryClient,
    ) > 0;

  const [prompt, setPrompt] = useState<OpenPrompt | null>(null);
  const [draft, setDraft] = useState<ReasonDraft>(EMPTY_DRAFT);
  const [promptSending, setPromptSending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState({ text: "", count: 0 });
  // Only the newest change's outcome is reported: earlier ones were superseded.
  const latestChange = useRef(0);
  const thumbs = { positive: useRef<HTMLButtonElement>(null), negative: useRef<HTMLButtonElement>(null) };

  if (config.data?.feedback_enabled === false) return null;

  const settingsKnown = config.data !== undefined || config.isError;
  const current = vote.data?.feedback_type ?? null;
  const ready = Boolean(messageId) && !streaming && !empty && !disabled && vote.data !== undefined && settingsKnown;
  const loading = Boolean(messageId) && !streaming && !empty && (vote.isPending || !settingsKnown);
  const requires = (type: FeedbackType) => config.data?.reason_required[type] ?? false;
  const optionsFor = (type: FeedbackType) =>
    (config.data?.reason_options[type] ?? []).map((option) => ({ key: option.key, label: reasonLabels[type]?.[option.key] ?? option.label }));

  const announce = (text: string) => setAnnouncement((previous) => ({ text, count: previous.count + 1 }));

  function openPrompt(type: FeedbackType, required: boolean, initial: ReasonDraft) {
    setPrompt({ type, required });
    setDraft(initial);
  }

  function closePrompt(returnFocusTo: FeedbackType | null) {
    setPrompt(null);
    // A failure that can be retried stays (under the thumbs); one about the draft goes with the prompt.
    setFailure((previous) => (previous?.inPrompt && !previous.retry ? null : previous));
    if (returnFocusTo) thumbs[returnFocusTo].current?.focus();
  }

  function startChange(origin: ChangeOrigin): number {
    setFailure(null);
    setPromptSending(origin === "prompt");
    return ++latestChange.current;
  }

  function fail(error: unknown, retry: () => void, origin: ChangeOrigin, type: FeedbackType | null) {
    setPromptSending(false);
    const message = errorText(error, labels);
    announce(message);
    const code = error instanceof FeedbackApiError ? error.code : "";
    const status = error instanceof FeedbackApiError ? error.status : 0;
    // The settings changed since they were read: read them again, and ask for the now required reason.
    if (code === "reason_required" || code === "unknown_reason_option" || status === 403) {
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.config() });
    }
    if (code === "reason_required" && type) {
      if (origin === "thumb") openPrompt(type, true, EMPTY_DRAFT);
      setFailure({ message, inPrompt: true });
      return;
    }
    const retryable = error instanceof FeedbackApiError && error.retryable;
    setFailure({ message, retry: retryable ? retry : undefined, inPrompt: origin !== "thumb" });
  }

  function sendVote(body: SubmitFeedbackInput, origin: ChangeOrigin) {
    const change = startChange(origin);
    submit.mutate(body, {
      onSuccess: () => {
        if (change !== latestChange.current) return;
        setPromptSending(false);
        announce(labels.saved);
        if (origin === "prompt") closePrompt(body.feedback_type);
      },
      onError: (error) => {
        if (change === latestChange.current) fail(error, () => sendVote(body, origin), origin, body.feedback_type);
      },
    });
  }

  function withdrawVote(id: string) {
    const change = startChange("thumb");
    withdraw.mutate(
      { message_id: id },
      {
        onSuccess: () => {
          if (change === latestChange.current) announce(labels.removed);
        },
        onError: (error) => {
          if (change === latestChange.current) fail(error, () => withdrawVote(id), "thumb", null);
        },
      },
    );
  }

  function clickThumb(type: FeedbackType) {
    if (!messageId) return;
    if (current === type) {
      setPrompt(null);
      withdrawVote(messageId);
    } else if (prompt?.type === type && prompt.required) {
      // A second click on a thumb whose required reason is being asked for cancels it.
      closePrompt(null);
    } else if (requires(type)) {
      openPrompt(type, true, EMPTY_DRAFT);
    } else {
      const asks = type === "negative";
      sendVote({ message_id: messageId, feedback_type: type }, asks ? "thumb-with-prompt" : "thumb");
      if (asks) openPrompt(type, false, EMPTY_DRAFT);
      else setPrompt(null);
    }
  }

  function sendReason() {
    if (!messageId || !prompt) return;
    sendVote({ message_id: messageId, feedback_type: prompt.type, reason: draft.note.trim() || null, reason_keys: draft.keys }, "prompt");
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && prompt) {
      event.stopPropagation();
      closePrompt(prompt.type);
    }
  }

  const stored = vote.data;
  const hasReason = Boolean(stored?.reason) || (stored?.reason_keys.length ?? 0) > 0;
  // A prompt's failure moves under the thumbs once the prompt is closed, so it is never lost.
  const rowFailure = failure && (!failure.inPrompt || !prompt) ? failure : null;

  return (
    <div data-slot="feedback" className={cx("flex flex-col gap-2", className)} onKeyDown={onKeyDown}>
      <div
        role="group"
        aria-label={labels.group}
        aria-busy={loading || changing}
        data-slot="feedback-buttons"
        className="flex flex-wrap items-center gap-1"
      >
        {TYPES.map((type) => {
          const Icon = (type === "positive" ? icons.positive : icons.negative) ?? (type === "positive" ? ThumbsUpIcon : ThumbsDownIcon);
          const pressed = current === type;
          return (
            <button
              key={type}
              ref={thumbs[type]}
              type="button"
              aria-label={labels[type]}
              aria-pressed={pressed}
              disabled={!ready}
              data-slot="feedback-thumb"
              data-type={type}
              data-state={pressed ? "on" : "off"}
              className={thumbVariants({ type })}
              onClick={() => clickThumb(type)}
            >
              <Icon aria-hidden className={cx("size-4", pressed && "fill-current")} />
            </button>
          );
        })}
        {stored && ready && !prompt && (
          <button
            type="button"
            data-slot="feedback-edit-reason"
            className={actionVariants({ variant: "subtle" })}
            onClick={() => openPrompt(stored.feedback_type, requires(stored.feedback_type), { keys: stored.reason_keys, note: stored.reason ?? "" })}
          >
            {hasReason ? labels.editReason : labels.addReason}
          </button>
        )}
      </div>
      <span role="status" data-slot="feedback-status" className="sr-only">
        {announcement.text}
        {/* A repeated message must still change the region's text to be announced again. */}
        {announcement.count % 2 === 1 ? "\u00a0" : ""}
      </span>
      {rowFailure && <ErrorRow message={rowFailure.message} retry={rowFailure.retry} retryLabel={labels.retry} />}
      {vote.isError && stored === undefined && (
        <ErrorRow message={labels.errors.load} retry={() => void vote.refetch()} retryLabel={labels.retry} />
      )}
      {prompt && (
        <ReasonPrompt
          key={`${prompt.type}-${prompt.required}`}
          type={prompt.type}
          required={prompt.required}
          voteStands={current === prompt.type}
          options={optionsFor(prompt.type)}
          draft={draft}
          onDraftChange={setDraft}
          maxLength={config.data?.max_reason_length ?? FALLBACK_MAX_REASON_LENGTH}
          sending={promptSending}
          error={failure?.inPrompt ? failure.message : undefined}
          labels={labels}
          onSend={sendReason}
          onClose={() => closePrompt(prompt.type)}
        />
      )}
    </div>
  );
}
