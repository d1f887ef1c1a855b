"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import { useQueryStates } from "nuqs";
import { InboxIcon, KeyboardIcon } from "lucide-react";
import { toast } from "sonner";
import type { AdminFeedbackItem } from "@/lib/api/admin-schemas";
import { FeedbackApiError } from "@/lib/api/feedback-api-error";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { cn } from "@/lib/utils";
import { adminApi, adminKeys } from "../admin-api";
import { correctionProblem } from "../correction/correction-editor";
import { STATUS_LABELS } from "../format";
import { ListEmpty, ListError, ListLoading, ListPages } from "../list-states";
import { BulkActionBar, BulkReportAlert } from "./bulk-action-bar";
import { QueueFilterBar } from "./queue-filter-bar";
import { canResolveOrDismiss, QueueItemDetail } from "./queue-item-detail";
import { QUEUE_PAGE_SIZE, queueSearchParams, toQueueQuery, type QueueFilters } from "./queue-params";
import { QueueTable, rowButtonSelector } from "./queue-table";
import { ShortcutCheatSheet } from "./shortcut-cheat-sheet";
import { useQueueHotkeys } from "./use-queue-hotkeys";
import { useReviewActions, type BulkKind, type ReviewAction } from "./use-review-actions";

export function ReviewQueue({ undoWindowMs }: { undoWindowMs?: number }) {
  const queryClient = useQueryClient();
  const [params, setParams] = useQueryStates(queueSearchParams, { history: "push" });
  const filters: QueueFilters = { status: params.status, type: params.type, q: params.q, from: params.from, to: params.to, page: params.page };
  const query = toQueueQuery(filters);
  const queue = useQuery({ queryKey: adminKeys.queue(query), queryFn: () => adminApi.listQueue(query), placeholderData: keepPreviousData });
  const stats = useQuery({ queryKey: adminKeys.stats(), queryFn: () => adminApi.getStats() });
  const settings = useQuery({ queryKey: adminKeys.settings(), queryFn: () => adminApi.getSettings(), staleTime: 5 * 60_000 });
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);

  const [activeId, setActiveId] = useState<string | null>(params.item);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [editorOpen, setEditorOpen] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [cheatSheetOpen, setCheatSheetOpen] = useState(false);
  const { act, undo, redo, waitingStatusOf, conflicts, bulkReport, clearBulkReport } = useReviewActions({ undoWindowMs });

  const searchRef = useRef<HTMLInputElement>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<"row" | "heading" | "editor" | null>(null);

  const openId = params.item;
  const current = items.some((item) => item.id === activeId) ? activeId : (openId ?? items[0]?.id ?? null);
  const itemOf = useCallback(
    (id: string | null): AdminFeedbackItem | undefined =>
      id === null ? undefined : (queryClient.getQueryData<AdminFeedbackItem>(adminKeys.item(id)) ?? items.find((item) => item.id === id)),
    [items, queryClient],
  );

  // A selection belongs to one list: a new filter or page starts clean.
  const listKey = JSON.stringify(query);
  const [selectionListKey, setSelectionListKey] = useState(listKey);
  if (selectionListKey !== listKey) {
    setSelectionListKey(listKey);
    setSelection({});
  }

  const reasonLabel = useCallback(
    (type: AdminFeedbackItem["feedback_type"], key: string) => settings.data?.reason_options[type].find((option) => option.key === key)?.label ?? key,
    [settings.data],
  );

  // A filter chosen closes the open item; search, typed while reading an item, replaces the history entry and keeps it open.
  const changeFilters = useCallback(
    (change: Partial<QueueFilters>, options?: { replace?: boolean }) =>
      void setParams(options?.replace ? change : { ...change, item: null }, options?.replace ? { history: "replace" } : undefined),
    [setParams],
  );

  function open(id: string | null, { focus = "heading", replace = false }: { focus?: "heading" | "row" | "editor"; replace?: boolean } = {}) {
    if (id !== null) setActiveId(id);
    if (id !== openId) setEditorOpen(false);
    pendingFocus.current = focus;
    void setParams({ item: id }, replace ? { history: "replace" } : undefined);
  }

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    const element =
      target === "editor" ? editorRef.current : target === "heading" ? headingRef.current : current ? document.querySelector<HTMLElement>(rowButtonSelector(current)) : null;
    if (element) {
      pendingFocus.current = null;
      element.focus();
      // The correction is usually an edit at the end of the prefilled answer.
      if (element instanceof HTMLTextAreaElement) element.setSelectionRange(element.value.length, element.value.length);
    }
  });

  function move(step: 1 | -1) {
    if (items.length === 0) return;
    const index = items.findIndex((item) => item.id === current);
    const next = items[Math.min(items.length - 1, Math.max(0, index + step))];
    if (!next) return;
    setActiveId(next.id);
    if (openId !== null) open(next.id, { focus: "row", replace: true });
    else document.querySelector<HTMLElement>(rowButtonSelector(next.id))?.focus();
  }

  /** After acting on the current item, the next one is current (the queue is worked top to bottom). */
  function advanceFrom(id: string) {
    const index = items.findIndex((item) => item.id === id);
    const next = items[index + 1] ?? items[index - 1];
    setEditorOpen(false);
    if (!next) {
      pendingFocus.current = "row";
      return;
    }
    setActiveId(next.id);
    if (openId !== null) open(next.id, { focus: "row", replace: true });
    else pendingFocus.current = "row";
  }

  function draftOf(item: AdminFeedbackItem) {
    return drafts[item.id] ?? item.golden_response ?? item.original_response;
  }

  function openEditor(item: AdminFeedbackItem) {
    if (!canResolveOrDismiss(waitingStatusOf(item.id) ?? item.status)) {
      toast(`This feedback is ${STATUS_LABELS[item.status].toLowerCase()}: its golden example is edited on the golden examples page.`);
      return;
    }
    setDrafts((all) => ({ ...all, [item.id]: draftOf(item) }));
    setEditorOpen(true);
    if (openId !== item.id) open(item.id, { focus: "editor" });
    else pendingFocus.current = "editor";
  }

  function refuseUnlessOpen(item: AdminFeedbackItem, verb: "resolve" | "dismiss"): boolean {
    const status = waitingStatusOf(item.id) ?? item.status;
    if (canResolveOrDismiss(status)) return false;
    toast(`Cannot ${verb}: this feedback is ${STATUS_LABELS[status].toLowerCase()}. Only pending or auto-approved feedback can be ${verb === "resolve" ? "resolved" : "dismissed"}.`);
    return true;
  }

  function resolve(item: AdminFeedbackItem, correction?: string) {
    if (refuseUnlessOpen(item, "resolve")) return;
    const text = correction ?? (editorOpen && openId === item.id ? draftOf(item) : undefined);
    if (item.feedback_type === "negative") {
      if (text === undefined || correctionProblem(item, text)) {
        if (!editorOpen || openId !== item.id) openEditor(item);
        toast("Negative feedback needs a corrected answer: write it, then press Ctrl+Enter.");
        return;
      }
    }
    const edited = text !== undefined && !correctionProblem(item, text) && text !== item.original_response ? text : undefined;
    act({ kind: "resolve", item, goldenResponse: edited });
    advanceFrom(item.id);
  }

  function dismiss(item: AdminFeedbackItem, reason?: string) {
    if (refuseUnlessOpen(item, "dismiss")) return;
    act({ kind: "dismiss", item, reason });
    advanceFrom(item.id);
  }

  function restore(item: AdminFeedbackItem) {
    if ((waitingStatusOf(item.id) ?? item.status) !== "dismissed") {
      toast("Only dismissed feedback can be restored.");
      return;
    }
    act({ kind: "restore", item });
    advanceFrom(item.id);
  }

  async function remove(item: AdminFeedbackItem) {
    try {
      await adminApi.deleteItem(item.id, item.updated_at);
      toast("Feedback deleted");
      advanceFrom(item.id);
      if (openId === item.id) void setParams({ item: null });
    } catch (error) {
      toast.error("Not deleted", { description: error instanceof FeedbackApiError ? error.detail : String(error) });
    } finally {
      void queryClient.invalidateQueries({ queryKey: adminKeys.queues() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.stats() });
      void queryClient.invalidateQueries({ queryKey: adminKeys.item(item.id) });
    }
  }

  const selectedItems = items.filter((item) => selection[item.id]);
  function bulk(action: BulkKind) {
    if (selectedItems.length === 0) {
      toast("Select items first: x selects the current one.");
      return;
    }
    act({ kind: "bulk", action, items: selectedItems });
    setSelection({});
  }

  function reopen(action: ReviewAction | null) {
    if (action && action.kind !== "bulk" && items.some((item) => item.id === action.item.id)) {
      setActiveId(action.item.id);
      if (openId !== null) open(action.item.id, { focus: "row", replace: true });
    }
  }

  const onCurrent = (fn: (item: AdminFeedbackItem) => void) => {
    const item = itemOf(current);
    if (item) fn(item);
  };

  useQueueHotkeys(
    {
      next: () => move(1),
      previous: () => move(-1),
      open: () => current && open(current),
      close: () => {
        if (editorOpen) {
          setEditorOpen(false);
          pendingFocus.current = "heading";
        } else if (openId !== null) open(null, { focus: "row" });
      },
      resolve: () => onCurrent((item) => resolve(item)),
      dismiss: () => onCurrent((item) => dismiss(item)),
      restore: () => onCurrent(restore),
      edit: () => onCurrent(openEditor),
      select: () => current && setSelection((all) => ({ ...all, [current]: !all[current] })),
      resolveSelected: () => bulk("resolve"),
      dismissSelected: () => bulk("dismiss"),
      restoreSelected: () => bulk("restore"),
      undo: () => {
        const action = undo();
        if (!action) toast("Nothing to undo: actions can be taken back until they are sent.");
        else reopen(action);
      },
      redo: () => {
        const action = redo();
        if (!action) toast("Nothing to redo.");
        else if (action.kind !== "bulk") advanceFrom(action.item.id);
      },
      search: () => searchRef.current?.focus(),
      help: () => setCheatSheetOpen(true),
    },
    { enabled: !cheatSheetOpen },
  );

  const openItem = itemOf(openId);
  const filtered = filters.type !== null || filters.q !== "" || filters.from !== null || filters.to !== null;

  return (
    <div data-slot="review-queue" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Review queue</h1>
        <Button variant="secondary" size="sm" onClick={() => setCheatSheetOpen(true)}>
          <KeyboardIcon aria-hidden /> Shortcuts <Kbd>?</Kbd>
        </Button>
      </div>
      <QueueFilterBar filters={filters} stats={stats.data} onChange={changeFilters} searchRef={searchRef} />
      {bulkReport ? <BulkReportAlert report={bulkReport} onDismiss={clearBulkReport} /> : null}
      <BulkActionBar count={selectedItems.length} onAction={bulk} onClear={() => setSelection({})} />

      <div className={cn("grid gap-6", openId !== null && "lg:grid-cols-[minmax(0,1fr)_minmax(22rem,32rem)]")}>
        <section aria-label="Queue items" aria-busy={queue.isFetching ? "true" : "false"} className="flex min-w-0 flex-col gap-3">
          {queue.isPending ? (
            <ListLoading label="Loading the queue…" rows={6} />
          ) : queue.isError && !queue.data ? (
            <ListError what="The queue" error={queue.error} onRetry={() => void queue.refetch()} />
          ) : items.length === 0 ? (
            <ListEmpty icon={<InboxIcon aria-hidden />}>
              <p className="font-medium">
                {filtered ? "No feedback matches these filters." : filters.status === "pending" ? "Nothing is waiting for review. All caught up!" : `No ${filters.status === "all" ? "" : STATUS_LABELS[filters.status].toLowerCase() + " "}feedback yet.`}
              </p>
              {filtered ? (
                <Button variant="secondary" size="sm" onClick={() => changeFilters({ type: null, q: "", from: null, to: null, page: 1 })}>
                  Clear filters
                </Button>
              ) : null}
            </ListEmpty>
          ) : (
            <>
              <QueueTable
                items={items}
                activeId={current}
                openId={openId}
                selection={selection}
                onSelectionChange={setSelection}
                onActivate={setActiveId}
                onOpen={(id) => open(id)}
                waitingStatusOf={waitingStatusOf}
                reasonLabel={reasonLabel}
              />
              <ListPages page={filters.page} pageSize={QUEUE_PAGE_SIZE} total={queue.data?.total ?? 0} onPage={(page) => changeFilters({ page })} />
            </>
          )}
        </section>
        {openId !== null ? (
          <aside aria-label="Selected feedback" className="min-w-0 rounded-lg border border-border p-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
            <QueueItemDetail
              key={openId}
              id={openId}
              initial={openItem}
              waiting={waitingStatusOf(openId)}
              conflict={conflicts[openId]}
              editorOpen={editorOpen}
              draft={openItem ? draftOf(openItem) : ""}
              onDraftChange={(value) => setDrafts((all) => ({ ...all, [openId]: value }))}
              onOpenEditor={() => openItem && openEditor(openItem)}
              onCloseEditor={() => {
                setEditorOpen(false);
                pendingFocus.current = "heading";
              }}
              onResolve={(correction) => openItem && resolve(openItem, correction)}
              onDismiss={(reason) => openItem && dismiss(openItem, reason)}
              onRestore={() => openItem && restore(openItem)}
              onDelete={() => (openItem ? remove(openItem) : Promise.resolve())}
              onClose={() => open(null, { focus: "row" })}
              reasonLabel={reasonLabel}
              editorRef={editorRef}
              headingRef={headingRef}
            />
          </aside>
        ) : null}
      </div>
      <ShortcutCheatSheet open={cheatSheetOpen} onOpenChange={setCheatSheetOpen} />
    </div>
  );
}
