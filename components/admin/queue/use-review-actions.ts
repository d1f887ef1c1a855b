"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { AdminFeedbackItem } from "@/lib/api/admin-schemas";
import type { FeedbackStatus } from "@/lib/api/schemas";
import { FeedbackApiError } from "@/lib/api/feedback-api-error";
import { adminApi, adminKeys } from "../admin-api";
import { excerpt } from "../format";
import { createDeferredActions } from "./deferred-actions";

/** How long an action waits for "Undo" before it is sent. */
export const UNDO_WINDOW_MS = 5000;

export type BulkKind = "resolve" | "dismiss" | "restore";

export type ReviewAction =
  | { kind: "resolve"; item: AdminFeedbackItem; goldenResponse?: string }
  | { kind: "dismiss"; item: AdminFeedbackItem; reason?: string }
  | { kind: "restore"; item: AdminFeedbackItem }
  | { kind: "bulk"; action: BulkKind; items: AdminFeedbackItem[]; reason?: string };

export interface BulkReport {
  action: BulkKind;
  succeeded: number;
  failures: Array<{ id: string; question: string; detail: string }>;
}

const RESULT_STATUS: Record<BulkKind, FeedbackStatus> = { resolve: "reviewed", dismiss: "dismissed", restore: "pending" };
const PAST: Record<BulkKind, string> = { resolve: "Resolved", dismiss: "Dismissed", restore: "Restored" };

function keyOf(action: ReviewAction): string {
  return action.kind === "bulk" ? `bulk:${action.action}:${action.items.map((item) => item.id).join(",")}` : action.item.id;
}

function describe(action: ReviewAction): string {
  if (action.kind === "bulk") return `${PAST[action.action]} ${action.items.length} item${action.items.length === 1 ? "" : "s"}`;
  const what = `“${excerpt(action.item.original_query || action.item.original_response, 50)}”`;
  if (action.kind === "resolve") return `${PAST.resolve} ${what}${action.goldenResponse !== undefined ? " with a correction" : ""}`;
  return `${PAST[action.kind]} ${what}`;
}

const detailOf = (error: unknown) => (error instanceof FeedbackApiError ? error.detail : "The server could not be reached");

/**
 * Review actions with an undo window: each action is shown at once (the row says what will
 * happen), sent when the window closes — or at once when the page is hidden or left — and can be
 * taken back until then. A conflict answered by the server (another reviewer, or the voter,
 * changed the item) is kept per item in words and the item is reloaded.
 */
export function useReviewActions({ undoWindowMs = UNDO_WINDOW_MS }: { undoWindowMs?: number } = {}) {
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState<ReadonlyMap<string, ReviewAction>>(new Map());
  const [conflicts, setConflicts] = useState<Readonly<Record<string, string>>>({});
  const [bulkReport, setBulkReport] = useState<BulkReport | null>(null);
  const history = useRef<{ scheduled: string[]; undone: ReviewAction[] }>({ scheduled: [], undone: [] });

  const refresh = useCallback(
    (itemIds: string[]) => {
      for (const id of itemIds) void queryClient.invalidateQueries({ queryKey: adminKeys.item(id) });
      void queryClient.invalidateQueries({ queryKey: adminKeys.queues() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.stats() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.goldenExamples() });
    },
    [queryClient],
  );

  const send = useCallback(
    async (action: ReviewAction, { keepalive }: { keepalive: boolean }) => {
      const key = keyOf(action);
      const done = () =>
        setWaiting((current) => {
          const next = new Map(current);
          next.delete(key);
          return next;
        });
      try {
        if (action.kind === "bulk") {
          const result = await adminApi.bulk({ action: action.action, ids: action.items.map((item) => item.id), reason: action.reason }, { keepalive });
          const questions = new Map(action.items.map((item) => [item.id, excerpt(item.original_query || item.original_response, 80)]));
          const failures = result.results
            .filter((entry) => !entry.ok)
            .map((entry) => ({ id: entry.id, question: questions.get(entry.id) ?? entry.id, detail: entry.error?.detail ?? "Not changed" }));
          if (failures.length > 0) {
            setBulkReport({ action: action.action, succeeded: result.succeeded, failures });
            toast.error(`${result.failed} of ${result.results.length} items were not changed`, { description: "The list above the queue says why." });
          }
        } else {
          const body = { expected_updated_at: action.item.updated_at };
          const updated =
            action.kind === "resolve"
              ? await adminApi.resolve(action.item.id, { ...body, golden_response: action.goldenResponse }, { keepalive })
              : action.kind === "dismiss"
                ? await adminApi.dismiss(action.item.id, { ...body, reason: action.reason }, { keepalive })
                : await adminApi.restore(action.item.id, body, { keepalive });
          queryClient.setQueryData<AdminFeedbackItem>(adminKeys.item(updated.id), (current) => (current ? { ...current, ...updated } : current));
        }
      } catch (error) {
        if (action.kind !== "bulk") {
          setConflicts((current) => ({ ...current, [action.item.id]: detailOf(error) }));
        }
        toast.error(`${describe(action)}: not saved`, { description: detailOf(error), duration: 10_000 });
      } finally {
        done();
        refresh(action.kind === "bulk" ? action.items.map((item) => item.id) : [action.item.id]);
      }
    },
    [queryClient, refresh],
  );

  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  }, [send]);
  const [deferred] = useState(() => createDeferredActions<ReviewAction>((action, options) => void sendRef.current(action, options), { delayMs: undoWindowMs }));

  useEffect(() => {
    // Leaving or hiding the page sends what waits (keepalive lets it outlive the page).
    const flushOnHide = () => {
      if (document.visibilityState === "hidden") deferred.flush({ keepalive: true });
    };
    const flushOnLeave = () => deferred.flush({ keepalive: true });
    document.addEventListener("visibilitychange", flushOnHide);
    window.addEventListener("pagehide", flushOnLeave);
    return () => {
      document.removeEventListener("visibilitychange", flushOnHide);
      window.removeEventListener("pagehide", flushOnLeave);
      // Navigating to another admin page unmounts the queue: what waits is sent, not lost.
      deferred.flush({ keepalive: true });
    };
  }, [deferred]);

  const undoKey = useRef<(key: string) => void>(() => {});

  const act = useCallback(
    (action: ReviewAction) => {
      const key = keyOf(action);
      deferred.schedule(key, action);
      setWaiting((current) => new Map(current).set(key, action));
      if (action.kind !== "bulk") {
        setConflicts((current) => {
          const { [action.item.id]: _dropped, ...rest } = current;
          return rest;
        });
      }
      history.current.scheduled = [...history.current.scheduled.filter((entry) => entry !== key), key];
      history.current.undone = [];
      toast(describe(action), {
        id: key,
        description: `Sent in ${Math.round(undoWindowMs / 1000)} seconds. Press z to undo.`,
        duration: undoWindowMs,
        action: { label: "Undo", onClick: () => undoKey.current(key) },
      });
    },
    [deferred, undoWindowMs],
  );

  const undoAction = useCallback(
    (key: string) => {
      const action = deferred.cancel(key);
      history.current.scheduled = history.current.scheduled.filter((entry) => entry !== key);
      if (!action) {
        toast("Too late to undo: it was already sent", { id: key });
        return;
      }
      setWaiting((current) => {
        const next = new Map(current);
        next.delete(key);
        return next;
      });
      history.current.undone = [action];
      toast(`Undone: ${describe(action).replace(/^./, (first) => first.toLowerCase())}`, {
        id: key,
        description: "Press Shift+z to redo.",
        duration: 6000,
        action: { label: "Redo", onClick: () => act(action) },
      });
    },
    [act, deferred],
  );
  useEffect(() => {
    undoKey.current = undoAction;
  }, [undoAction]);

  /** Takes back the newest action still waiting and returns it; null when there is none. */
  const undo = useCallback((): ReviewAction | null => {
    const key = [...history.current.scheduled].reverse().find((entry) => deferred.has(entry));
    if (!key) return null;
    undoAction(key);
    return history.current.undone.at(-1) ?? null;
  }, [deferred, undoAction]);

  /** Does again what was last undone and returns it; null when there is nothing to redo. */
  const redo = useCallback((): ReviewAction | null => {
    const action = history.current.undone.pop();
    if (!action) return null;
    act(action);
    return action;
  }, [act]);

  /** The status an item will have once its waiting action is sent. */
  const waitingStatusOf = useCallback(
    (id: string): FeedbackStatus | undefined => {
      for (const action of waiting.values()) {
        if (action.kind === "bulk" ? action.items.some((item) => item.id === id) : action.item.id === id) {
          return RESULT_STATUS[action.kind === "bulk" ? action.action : action.kind];
        }
      }
      return undefined;
    },
    [waiting],
  );

  return { act, undo, redo, waitingStatusOf, conflicts, bulkReport, clearBulkReport: () => setBulkReport(null) };
}
