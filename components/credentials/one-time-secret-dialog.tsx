"use client";

import { useState } from "react";
import { CheckIcon, CopyIcon, KeyRoundIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export interface OneTimeSecret {
  /** "personal access token", "API key" */
  kind: string;
  name: string;
  value: string;
  /** How to use it, e.g. "Send it as Authorization: Bearer …". */
  usage: string;
}

/** Shows a new secret once: copy it now, it cannot be shown again (only its hash is stored). */
export function OneTimeSecretDialog({ secret, onClose }: { secret: OneTimeSecret | null; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.value);
      setCopied(true);
      setCopyFailed(false);
    } catch {
      // Clipboard refused (permissions, insecure context): the field stays selectable.
      setCopyFailed(true);
    }
  }

  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => {
        if (open) return;
        setCopied(false);
        setCopyFailed(false);
        onClose();
      }}
    >
      <DialogContent data-slot="one-time-secret-dialog">
        <DialogTitle className="flex items-center gap-2">
          <KeyRoundIcon className="size-5" aria-hidden /> Copy your new {secret?.kind}
        </DialogTitle>
        <DialogDescription>
          “{secret?.name}” is ready. This is the only time it is shown: only a hash is stored, so if you lose it, revoke it and create another.
        </DialogDescription>
        <div className="flex flex-col gap-2">
          <Label htmlFor="one-time-secret">Secret</Label>
          <div className="flex gap-2">
            <Input id="one-time-secret" readOnly value={secret?.value ?? ""} className="min-w-0 flex-1 font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            <Button variant="secondary" onClick={copy} aria-label={copied ? "Copied" : "Copy secret"}>
              {copied ? <CheckIcon aria-hidden /> : <CopyIcon aria-hidden />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-sm text-muted-foreground">{secret?.usage}</p>
          {copyFailed ? (
            <Alert tone="error" role="alert">
              The browser did not allow copying: select the field and copy it yourself.
            </Alert>
          ) : null}
        </div>
        <DialogFooter>
          <Button
            onClick={() => {
              setCopied(false);
              setCopyFailed(false);
              onClose();
            }}
          >
            Done
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
