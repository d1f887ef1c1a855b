"use client";

import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDownIcon, ArrowUpIcon, LockIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import type { SettingsUpdate } from "@/lib/api/admin-client";
import { MAX_ALLOWED_ORIGINS, normalizeOrigin } from "@/lib/api/allowed-origins";
import type { FeedbackSettings } from "@/lib/api/admin-schemas";
import { FeedbackApiError } from "@/lib/api/feedback-api-error";
import type { ReasonOption } from "@/lib/feedback/reason-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { adminApi, adminKeys } from "../admin-api";

type FeedbackKind = "positive" | "negative";
type BooleanSetting = "feedback_enabled" | "auto_approve_positive" | "auto_approve_negative" | "require_reason_positive" | "require_reason_negative";

/** An option as the form holds it: a new one's key follows its label until someone edits the key. */
interface OptionDraft extends ReasonOption {
  uid: string;
  isNew: boolean;
  keyEdited: boolean;
}

interface Draft {
  booleans: Record<BooleanSetting, boolean>;
  options: Record<FeedbackKind, OptionDraft[]>;
  maxReasonLength: string;
  /** One origin a line, as typed. */
  allowedOrigins: string;
}

const SWITCHES: Array<{ name: BooleanSetting; label: string; description: string }> = [
  { name: "feedback_enabled", label: "Feedback is on", description: "Off hides the thumbs in every chat and refuses votes." },
  { name: "auto_approve_positive", label: "Auto-approve positive feedback", description: "The rated answer becomes a golden example at once, without a reviewer." },
  { name: "auto_approve_negative", label: "Auto-approve negative feedback", description: "Marked auto-approved and queued for a reviewer to write the correction." },
  { name: "require_reason_positive", label: "Require a reason for positive feedback", description: "A vote without a reason option or a note is refused." },
  { name: "require_reason_negative", label: "Require a reason for negative feedback", description: "A vote without a reason option or a note is refused." },
];

let uidCounter = 0;
const uid = () => `option-${++uidCounter}`;

/** A stable key from a label: lower case, a-z 0-9 and underscores (the API's key format). */
export function keyFromLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 64);
}

function toDraft(settings: FeedbackSettings): Draft {
  const options = (kind: FeedbackKind) => settings.reason_options[kind].map((option) => ({ ...option, uid: uid(), isNew: false, keyEdited: false }));
  return {
    booleans: {
      feedback_enabled: settings.feedback_enabled,
      auto_approve_positive: settings.auto_approve_positive,
      auto_approve_negative: settings.auto_approve_negative,
      require_reason_positive: settings.require_reason_positive,
      require_reason_negative: settings.require_reason_negative,
    },
    options: { positive: options("positive"), negative: options("negative") },
    maxReasonLength: String(settings.max_reason_length),
    allowedOrigins: settings.allowed_origins.join("\n"),
  };
}

/** The typed origins, normalized as the API stores them, or the first line it would refuse. */
export function parseOriginLines(text: string): { origins: string[] } | { error: string } {
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const origins: string[] = [];
  for (const [index, line] of lines.entries()) {
    const result = normalizeOrigin(line);
    if ("error" in result) return { error: `Line ${index + 1} (${line}) ${result.error}.` };
    if (!origins.includes(result.origin)) origins.push(result.origin);
  }
  if (origins.length > MAX_ALLOWED_ORIGINS) return { error: `At most ${MAX_ALLOWED_ORIGINS} origins.` };
  return { origins };
}

/** What changed, as the partial update the API takes. */
function changesOf(saved: FeedbackSettings, draft: Draft): SettingsUpdate {
  const update: SettingsUpdate = {};
  for (const { name } of SWITCHES) if (draft.booleans[name] !== saved[name]) update[name] = draft.booleans[name];
  const options = { positive: draft.options.positive.map(({ key, label }) => ({ key, label })), negative: draft.options.negative.map(({ key, label }) => ({ key, label })) };
  if (JSON.stringify(options) !== JSON.stringify(saved.reason_options)) update.reason_options = options;
  const max = Number(draft.maxReasonLength);
  if (max !== saved.max_reason_length) update.max_reason_length = max;
  const origins = parseOriginLines(draft.allowedOrigins);
  if ("origins" in origins && JSON.stringify(origins.origins) !== JSON.stringify(saved.allowed_origins)) update.allowed_origins = origins.origins;
  return update;
}

/** The API's validation problems by field path ("max_reason_length", "reason_options.negative.1.key"), without the path prefix. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof FeedbackApiError) || !Array.isArray(error.errors)) return {};
  const byPath: Record<string, string> = {};
  for (const entry of error.errors as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof entry.path !== "string" || typeof entry.message !== "string") continue;
    byPath[entry.path] = entry.message.replace(/^[\w.]+: /, "");
  }
  return byPath;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-xs text-negative">
      {message}
    </p>
  ) : null;
}

export function SettingsForm({ initial, canEdit }: { initial: FeedbackSettings; canEdit: boolean }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => toDraft(initial));
  const save = useMutation({
    mutationFn: (update: SettingsUpdate) => adminApi.updateSettings(update),
    onSuccess: (settings) => {
      setSaved(settings);
      setDraft(toDraft(settings));
      queryClient.setQueryData(adminKeys.settings(), settings);
      toast("Settings saved: the next vote follows them");
    },
  });
  // A length that is not a whole number never reaches the API; its range is the API's to check.
  const lengthError = /^\s*\d+\s*$/.test(draft.maxReasonLength) ? undefined : "Enter a whole number of characters.";
  const parsedOrigins = parseOriginLines(draft.allowedOrigins);
  const originsError = "error" in parsedOrigins ? parsedOrigins.error : undefined;
  const localError = lengthError ?? originsError;
  const errors: Record<string, string | undefined> = {
    ...fieldErrors(save.error),
    ...(lengthError ? { max_reason_length: lengthError } : {}),
    ...(originsError ? { allowed_origins: originsError } : {}),
  };
  const originsFieldError = errors.allowed_origins ?? Object.entries(errors).find(([path]) => path.startsWith("allowed_origins."))?.[1];
  const changes = changesOf(saved, draft);
  const dirty = Object.keys(changes).length > 0;
  const formError = save.error && Object.keys(errors).length === 0 ? (save.error instanceof FeedbackApiError ? save.error.detail : String(save.error)) : null;

  const setOptions = (kind: FeedbackKind, update: (options: OptionDraft[]) => OptionDraft[]) =>
    setDraft((current) => ({ ...current, options: { ...current.options, [kind]: update(current.options[kind]) } }));

  return (
    <form
      data-slot="settings-form"
      className="flex flex-col gap-6"
      aria-describedby={canEdit ? undefined : `${id}-readonly`}
      onSubmit={(event) => {
        event.preventDefault();
        if (canEdit && dirty && !localError) save.mutate(changes);
      }}
    >
      {!canEdit ? (
        <Alert id={`${id}-readonly`}>
          <LockIcon aria-hidden />
          <p>Only admins can change these settings; you can read them.</p>
        </Alert>
      ) : null}
      <fieldset disabled={!canEdit} className="flex flex-col gap-6">
        <section aria-labelledby={`${id}-rules`} className="flex flex-col gap-3 rounded-lg border border-border p-4">
          <h2 id={`${id}-rules`} className="text-lg font-medium">
            Feedback and approval
          </h2>
          {SWITCHES.map((setting) => (
            <div key={setting.name} className="flex items-start justify-between gap-4">
              <div className="flex flex-col gap-1">
                <Label htmlFor={`${id}-${setting.name}`}>{setting.label}</Label>
                <p id={`${id}-${setting.name}-help`} className="text-xs text-muted-foreground">
                  {setting.description}
                </p>
                <FieldError id={`${id}-${setting.name}-error`} message={errors[setting.name]} />
              </div>
              <Switch
                id={`${id}-${setting.name}`}
                checked={draft.booleans[setting.name]}
                aria-describedby={`${id}-${setting.name}-help`}
                onCheckedChange={(checked) => setDraft((current) => ({ ...current, booleans: { ...current.booleans, [setting.name]: checked } }))}
              />
            </div>
          ))}
        </section>

        {(["negative", "positive"] as const).map((kind) => (
          <section key={kind} aria-labelledby={`${id}-${kind}-options`} className="flex flex-col gap-3 rounded-lg border border-border p-4">
            <div>
              <h2 id={`${id}-${kind}-options`} className="text-lg font-medium">
                Reason options for {kind} feedback
              </h2>
              <p className="text-xs text-muted-foreground">
                Offered in the reason prompt, in this order. A key is stable once saved (votes store it); rename the label freely.
              </p>
              <FieldError id={`${id}-${kind}-error`} message={errors[`reason_options.${kind}`] ?? errors["reason_options"]} />
            </div>
            <ol className="flex flex-col gap-2">
              {draft.options[kind].map((option, index) => {
                const path = `reason_options.${kind}.${index}`;
                const labelError = errors[`${path}.label`];
                const keyError = errors[`${path}.key`];
                const position = `${kind} option ${index + 1}`;
                return (
                  <li key={option.uid} className="flex flex-wrap items-start gap-2" data-testid={`${kind}-option`}>
                    <div className="flex flex-col gap-1">
                      <Input
                        aria-label={`Label of ${position}`}
                        value={option.label}
                        maxLength={120}
                        aria-invalid={labelError ? true : undefined}
                        aria-describedby={labelError ? `${id}-${path}-label` : undefined}
                        onChange={(event) => {
                          const label = event.target.value;
                          setOptions(kind, (options) => options.map((entry) => (entry.uid === option.uid ? { ...entry, label, key: entry.isNew && !entry.keyEdited ? keyFromLabel(label) : entry.key } : entry)));
                        }}
                        className="w-64"
                      />
                      <FieldError id={`${id}-${path}-label`} message={labelError} />
                    </div>
                    <div className="flex flex-col gap-1">
                      {option.isNew ? (
                        <Input
                          aria-label={`Key of ${position}`}
                          value={option.key}
                          className="w-48 font-mono"
                          aria-invalid={keyError ? true : undefined}
                          aria-describedby={keyError ? `${id}-${path}-key` : undefined}
                          onChange={(event) => {
                            const key = event.target.value;
                            setOptions(kind, (options) => options.map((entry) => (entry.uid === option.uid ? { ...entry, key, keyEdited: true } : entry)));
                          }}
                        />
                      ) : (
                        <code className="flex h-9 w-48 items-center rounded-md bg-muted px-2 font-mono text-xs" aria-label={`Key of ${position}: ${option.key}`}>
                          {option.key}
                        </code>
                      )}
                      <FieldError id={`${id}-${path}-key`} message={keyError} />
                    </div>
                    <div className="flex gap-1">
                      <Button size="icon" variant="ghost" aria-label={`Move ${position} up`} disabled={index === 0} onClick={() => setOptions(kind, (options) => swap(options, index, index - 1))}>
                        <ArrowUpIcon aria-hidden />
                      </Button>
                      <Button
                        size="icon"
                        variant="ghost"
                        aria-label={`Move ${position} down`}
                        disabled={index === draft.options[kind].length - 1}
                        onClick={() => setOptions(kind, (options) => swap(options, index, index + 1))}
                      >
                        <ArrowDownIcon aria-hidden />
                      </Button>
                      <Button size="icon" variant="ghost" className="text-negative" aria-label={`Remove ${position}`} onClick={() => setOptions(kind, (options) => options.filter((entry) => entry.uid !== option.uid))}>
                        <Trash2Icon aria-hidden />
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ol>
            {canEdit ? (
              <div>
                <Button size="sm" variant="secondary" onClick={() => setOptions(kind, (options) => [...options, { key: "", label: "", uid: uid(), isNew: true, keyEdited: false }])}>
                  <PlusIcon aria-hidden /> Add a {kind} reason
                </Button>
              </div>
            ) : null}
          </section>
        ))}

        <section aria-labelledby={`${id}-length`} className="flex flex-col gap-2 rounded-lg border border-border p-4">
          <h2 id={`${id}-length`} className="text-lg font-medium">
            Notes
          </h2>
          <Label htmlFor={`${id}-max`}>Longest note a user may write (characters)</Label>
          <Input
            id={`${id}-max`}
            inputMode="numeric"
            className="w-32"
            value={draft.maxReasonLength}
            aria-invalid={errors.max_reason_length ? true : undefined}
            aria-describedby={errors.max_reason_length ? `${id}-max-error` : undefined}
            onChange={(event) => setDraft((current) => ({ ...current, maxReasonLength: event.target.value }))}
          />
          <FieldError id={`${id}-max-error`} message={errors.max_reason_length} />
        </section>

        <section aria-labelledby={`${id}-origins`} className="flex flex-col gap-2 rounded-lg border border-border p-4">
          <h2 id={`${id}-origins`} className="text-lg font-medium">
            Allowed origins
          </h2>
          <Label htmlFor={`${id}-origins-input`}>Sites that embed the feedback buttons (one origin a line)</Label>
          <p id={`${id}-origins-help`} className="text-xs text-muted-foreground">
            Pages on these origins may call the API from the browser with a feedback token your backend mints (CORS), e.g. https://chat.example.com. Scheme, host and port only:
            no paths, no wildcards.
          </p>
          <Textarea
            id={`${id}-origins-input`}
            className="max-w-xl font-mono text-sm"
            rows={3}
            spellCheck={false}
            placeholder="https://chat.example.com"
            value={draft.allowedOrigins}
            aria-invalid={originsFieldError ? true : undefined}
            aria-describedby={originsFieldError ? `${id}-origins-error` : `${id}-origins-help`}
            onChange={(event) => setDraft((current) => ({ ...current, allowedOrigins: event.target.value }))}
          />
          <FieldError id={`${id}-origins-error`} message={originsFieldError} />
        </section>
      </fieldset>
      {canEdit ? (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-border bg-background py-3">
          <Button type="submit" disabled={!dirty || save.isPending || localError !== undefined}>
            {save.isPending ? "Saving…" : "Save settings"}
          </Button>
          <Button variant="ghost" disabled={!dirty || save.isPending} onClick={() => (save.reset(), setDraft(toDraft(saved)))}>
            Discard changes
          </Button>
          <p role="status" className="text-sm text-muted-foreground">
            {save.isError ? <span className="text-negative">{formError ?? "Not saved: see the highlighted fields."}</span> : dirty ? "Unsaved changes" : "All changes saved"}
          </p>
        </div>
      ) : null}
    </form>
  );
}

function swap<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
