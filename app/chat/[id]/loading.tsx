/** While the server renders another conversation: the thread's frame, so the page does not jump. */
export default function ConversationLoading() {
  return (
    <div aria-busy className="flex min-h-0 flex-1 flex-col">
      <div className="border-b border-border px-6 py-3">
        <div className="h-6 w-64 max-w-full rounded bg-muted motion-safe:animate-pulse" />
      </div>
      <div className="mx-auto flex w-full max-w-3xl flex-1 flex-col justify-end gap-6 px-4 py-6">
        <p className="sr-only" role="status">
          Loading the conversation…
        </p>
        <div className="ml-auto h-10 w-1/2 rounded-2xl bg-muted motion-safe:animate-pulse" />
        <div className="h-24 w-4/5 rounded-lg bg-muted motion-safe:animate-pulse" />
      </div>
    </div>
  );
}
