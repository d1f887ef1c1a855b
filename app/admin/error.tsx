"use client";

import { useEffect } from "react";
import { AlertTriangleIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-16">
      <AlertTriangleIcon className="size-8 text-negative" aria-hidden />
      <h1 className="text-2xl font-semibold">This page could not be loaded</h1>
      <p role="alert" className="text-muted-foreground">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Try again; if it keeps failing, the server log has the details.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
