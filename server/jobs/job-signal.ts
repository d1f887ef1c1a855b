import "server-only";

type Listener = () => void;
// On globalThis: Next.js bundles the instrumentation hook (which starts the worker) and the route
// handlers (which enqueue) separately, each with its own copy of this module.
const globalForJobs = globalThis as unknown as { feedbackKitJobListeners?: Set<Listener> };
const listeners = (globalForJobs.feedbackKitJobListeners ??= new Set<Listener>());

/**
 * Wakes this process's job worker right after a transaction enqueued work, so background work
 * starts in milliseconds instead of at the next poll. Losing a signal only delays a job: the
 * worker also polls the table.
 */
export function notifyJobsEnqueued(): void {
  for (const listener of listeners) listener();
}

export function onJobsEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
