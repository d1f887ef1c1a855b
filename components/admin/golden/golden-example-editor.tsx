"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { GoldenExample } from "@/lib/api/admin-schemas";
import { FeedbackApiError } from "@/lib/api/feedback-api-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { adminApi, adminKeys } from "../admin-api";
import { CorrectionDiff } from "../correction/correction-diff";

/** Edits a golden example's answer, with the diff against the original answer. */
export function GoldenExampleEditor({ example, onOpenChange }: { example: GoldenExample | null; onOpenChange(open: boolean): void }) {
  return (
    <Dialog open={example !== null} onOpenChange={onOpenChange}>
      <DialogContent className="w-[min(48rem,calc(100vw-2rem))]">{example ? <EditorBody key={example.id} example={example} onDone={() => onOpenChange(false)} /> : null}</DialogContent>
    </Dialog>
  );
}

function EditorBody({ example, onDone }: { example: GoldenExample; onDone(): void }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(example.golden_response);
  const save = useMutation({
    mutationFn: () => adminApi.updateGoldenExample(example.id, { golden_response: value }),
    onSuccess: () => {
      toast("Golden answer saved");
      void queryClient.invalidateQueries({ queryKey: adminKeys.goldenExamples() });
      onDone();
    },
  });
  const empty = value.trim() === "";
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) save.mutate();
      }}
    >
      <DialogTitle>Edit the golden answer</DialogTitle>
      <DialogDescription>Question: {example.original_query || "(none)"}</DialogDescription>
      <Label htmlFor="golden-answer">Golden answer</Label>
      <Textarea
        id="golden-answer"
        rows={8}
        value={value}
        aria-invalid={empty || save.isError ? true : undefined}
        aria-describedby="golden-answer-error"
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            if (!empty) save.mutate();
          }
        }}
      />
      <p id="golden-answer-error" className="text-xs text-negative" aria-live="polite">
        {empty ? "The answer must not be empty." : save.error ? (save.error instanceof FeedbackApiError ? save.error.detail : String(save.error)) : ""}
      </p>
      <p className="text-xs font-medium text-muted-foreground">Changes against the original answer</p>
      <CorrectionDiff original={example.original_response} changed={value} />
      <DialogFooter>
        <Button type="submit" disabled={empty || save.isPending || value === example.golden_response}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
      </DialogFooter>
    </form>
  );
}
