// Review actions wait a few seconds before they are sent, so "Undo" simply never sends them: no
// other reviewer sees a decision that is taken back, the audit log has no resolve-then-revert
// pairs, and no golden example is created and withdrawn. Leaving the page sends what is waiting.

export interface DeferredActions<A> {
  /** Holds `action` for the grace period, then calls `send(action, { keepalive: false })`. */
  schedule(id: string, action: A): void;
  /** Takes back an action that has not been sent; false when it already went (or never was). */
  cancel(id: string): A | undefined;
  /** Sends everything still waiting, now (`keepalive` when the page is going away). */
  flush(options?: { keepalive: boolean }): void;
  has(id: string): boolean;
  /** Cancels the timers without sending: for unmounting in tests and stories. */
  dispose(): void;
}

interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createDeferredActions<A>(
  send: (action: A, options: { keepalive: boolean }) => void,
  { delayMs, timers = browserTimers }: { delayMs: number; timers?: Timers },
): DeferredActions<A> {
  const waiting = new Map<string, { action: A; timer: unknown }>();

  function fire(id: string, keepalive: boolean) {
    const entry = waiting.get(id);
    if (!entry) return;
    waiting.delete(id);
    timers.clearTimeout(entry.timer);
    send(entry.action, { keepalive });
  }

  return {
    schedule(id, action) {
      // A second action on the same item replaces the first one: only the latest decision counts.
      const previous = waiting.get(id);
      if (previous) timers.clearTimeout(previous.timer);
      waiting.set(id, { action, timer: timers.setTimeout(() => fire(id, false), delayMs) });
    },
    cancel(id) {
      const entry = waiting.get(id);
      if (!entry) return undefined;
      timers.clearTimeout(entry.timer);
      waiting.delete(id);
      return entry.action;
    },
    flush(options = { keepalive: false }) {
      for (const id of [...waiting.keys()]) fire(id, options.keepalive);
    },
    has: (id) => waiting.has(id),
    dispose() {
      for (const entry of waiting.values()) timers.clearTimeout(entry.timer);
      waiting.clear();
    },
  };
}
