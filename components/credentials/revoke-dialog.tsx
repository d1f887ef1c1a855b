"use client";

import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";

/** Asks before revoking: what stops working, and that it cannot be undone. */
export function RevokeDialog({
  target,
  kind,
  consequence,
  onConfirm,
  onCancel,
}: {
  target: { name: string } | null;
  kind: string;
  consequence: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <AlertDialog open={target !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogTitle>
          Revoke the {kind} “{target?.name}”?
        </AlertDialogTitle>
        <AlertDialogDescription>{consequence} This cannot be undone.</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>Revoke</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
