"use client";

import { Toaster as Sonner, type ToasterProps } from "sonner";

/** Sonner's toasts in the app's tokens; sonner announces them in a polite live region. */
export function Toaster(props: ToasterProps) {
  return (
    <Sonner
      data-slot="toaster"
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast: "!border-border !bg-background !text-foreground",
          description: "!text-muted-foreground",
          actionButton: "!bg-primary !text-primary-foreground",
          cancelButton: "!bg-muted !text-foreground",
          closeButton: "!border-border !bg-background !text-foreground",
        },
      }}
      style={{ fontFamily: "inherit" }}
      {...props}
    />
  );
}
