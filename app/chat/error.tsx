"use client";
import { Button } from "@/components/ui/button";

/** The chat could not be rendered (the database is unreachable, a bug): say so, and offer to try again. */
export default function ChatError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-xl font-semibold">The chat could not be loaded</h1>
      <p className="text-sm text-muted-foreground">Something went wrong on our side. Your conversations are safe; try again in a moment.</p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
