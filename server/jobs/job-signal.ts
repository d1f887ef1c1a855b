import "server-only";

type Listener = () => void;
const listeners = new Set<Listener>();

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
