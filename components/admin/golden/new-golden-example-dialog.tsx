"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import type { GoldenExampleInput } from "@/lib/api/admin-client";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { adminApi, adminKeys } from "../admin-api";
import { CorrectionDiff } from "../correction/correction-diff";
import { errorText } from "../list-states";

type Role = NonNullable<GoldenExampleInput["context"]>[number]["role"];
interface Turn {
  key: number;
  role: Role;
  content: string;
}

const ROLE_LABELS: Record<Role, string> = { user: "User", assistant: "Assistant", system: "System" };
/** The API's limit on the conversation before the question. */
const MAX_TURNS = 50;

/**
 * "New golden example": a hand-written question and answer, optionally with the conversation before
 * the question and the answer it improves on, exported like the examples that come from feedback.
 */
export function NewGoldenExampleDialog() {
  const [open, setOpen] = useState(false);
  // The dialog's content unmounts when it closes, so every opening starts with an empty form.
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <PlusIcon aria-hidden /> New golden example
        </Button>
      </DialogTrigger>
      <DialogContent className="w-[min(48rem,calc(100vw-2rem))]">
        <NewGoldenExampleForm onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function NewGoldenExampleForm({ onDone }: { onDone(): void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState("");
  const [original, setOriginal] = useState("");
  const [attempted, setAttempted] = useState(false);
  // Focus follows the keyboard user: into a new turn's message, back to "Add a turn" after a removal.
  const focusTurn = useRef<number | null>(null);
  const addTurnButton = useRef<HTMLButtonElement>(null);

  const create = useMutation({
    mutationFn: (body: GoldenExampleInput) => adminApi.createGoldenExample(body),
    onSuccess: () => {
      toast("Golden example added: exports include it");
      void queryClient.invalidateQueries({ queryKey: adminKeys.goldenExamples() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.stats() });
      onDone();
    },
  });

  const questionMissing = question.trim() === "";
  const answerMissing = answer.trim() === "";
  const emptyTurns = turns.filter((turn) => turn.content.trim() === "").map((turn) => turn.key);
  const invalid = questionMissing || answerMissing || emptyTurns.length > 0;

  function submit() {
    setAttempted(true);
    if (invalid || create.isPending) return;
    create.mutate({
      original_query: question,
      golden_response: answer,
      ...(original.trim() ? { original_response: original } : {}),
      ...(turns.length > 0 ? { context: turns.map(({ role, content }) => ({ role, content })) } : {}),
    });
  }
  const submitOnModEnter = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };
  const addTurn = () => {
    // The turn after a user's is usually the assistant's, and the other way round.
    const role: Role = turns.at(-1)?.role === "user" ? "assistant" : "user";
    setTurns([...turns, { key: nextKey, role, content: "" }]);
    focusTurn.current = nextKey;
    setNextKey(nextKey + 1);
  };
  const removeTurn = (key: number) => {
    setTurns(turns.filter((turn) => turn.key !== key));
    addTurnButton.current?.focus();
  };
  const updateTurn = (key: number, change: Partial<Turn>) => setTurns(turns.map((turn) => (turn.key === key ? { ...turn, ...change } : turn)));

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <DialogTitle>New golden example</DialogTitle>
      <DialogDescription>
        A question and the answer the assistant should give, written by hand. Exports include it like the examples that come from feedback, with source “By hand”.
      </DialogDescription>

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Conversation before the question (optional)</legend>
        {turns.length === 0 ? <p className="text-sm text-muted-foreground">None: the question opens the conversation.</p> : null}
        <ol className="flex flex-col gap-3">
          {turns.map((turn, index) => {
            const label = `Turn ${index + 1}`;
            const empty = attempted && emptyTurns.includes(turn.key);
            return (
              <li key={turn.key} data-testid="context-turn" className="flex flex-col gap-1 rounded-md border border-border p-2">
                <div className="flex items-end gap-2">
                  <div className="flex flex-col gap-1">
                    <Label htmlFor={`${id}-role-${turn.key}`}>{label}: role</Label>
                    <NativeSelect id={`${id}-role-${turn.key}`} value={turn.role} onChange={(event) => updateTurn(turn.key, { role: event.target.value as Role })}>
                      {Object.entries(ROLE_LABELS).map(([value, roleLabel]) => (
                        <option key={value} value={value}>
                          {roleLabel}
                        </option>
                      ))}
                    </NativeSelect>
                  </div>
                  <Button type="button" size="icon" variant="ghost" className="ml-auto text-negative" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => removeTurn(turn.key)}>
                    <Trash2Icon aria-hidden />
                  </Button>
                </div>
                <Label htmlFor={`${id}-content-${turn.key}`} className="sr-only">
                  {label}: message
                </Label>
                <Textarea
                  ref={(node) => {
                    if (node && focusTurn.current === turn.key) {
                      focusTurn.current = null;
                      node.focus();
                    }
                  }}
                  id={`${id}-content-${turn.key}`}
                  rows={2}
                  value={turn.content}
                  aria-invalid={empty || undefined}
                  aria-describedby={empty ? `${id}-content-${turn.key}-error` : undefined}
                  onChange={(event) => updateTurn(turn.key, { content: event.target.value })}
                  onKeyDown={submitOnModEnter}
                />
                {empty ? (
                  <p id={`${id}-content-${turn.key}-error`} className="text-xs text-negative">
                    {label} is empty: write it or remove it.
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
        <Button ref={addTurnButton} type="button" variant="secondary" size="sm" className="self-start" disabled={turns.length >= MAX_TURNS} onClick={addTurn}>
          <PlusIcon aria-hidden /> Add a turn
        </Button>
      </fieldset>

      <RequiredText id={`${id}-question`} label="Question" rows={3} value={question} onChange={setQuestion} missing={attempted && questionMissing} onKeyDown={submitOnModEnter} />
      <RequiredText id={`${id}-answer`} label="Golden answer" rows={6} value={answer} onChange={setAnswer} missing={attempted && answerMissing} onKeyDown={submitOnModEnter} />

      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-original`}>Answer it improves on (optional)</Label>
        <Textarea id={`${id}-original`} rows={3} value={original} aria-describedby={`${id}-original-hint`} onChange={(event) => setOriginal(event.target.value)} onKeyDown={submitOnModEnter} />
        <p id={`${id}-original-hint`} className="text-xs text-muted-foreground">
          The assistant’s answer this one replaces; without it the example’s original answer is the golden answer.
        </p>
        {original.trim() && answer.trim() ? <CorrectionDiff original={original} changed={answer} /> : null}
      </div>

      <ErrorText>{create.error ? `Not added: ${errorText(create.error)}` : null}</ErrorText>
      <DialogFooter>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add example"}
        </Button>
      </DialogFooter>
    </form>
  );
}

function RequiredText({
  id,
  label,
  rows,
  value,
  missing,
  onChange,
  onKeyDown,
}: {
  id: string;
  label: string;
  rows: number;
  value: string;
  missing: boolean;
  onChange(value: string): void;
  onKeyDown(event: KeyboardEvent): void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <Textarea
        id={id}
        rows={rows}
        required
        value={value}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {missing ? (
        <p id={`${id}-error`} className="text-xs text-negative">
          The {label.toLowerCase()} must not be empty.
        </p>
      ) : null}
    </div>
  );
}
