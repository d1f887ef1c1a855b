"use client";

import { useState, type RefObject } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon, RotateCcwIcon, Trash2Icon, XIcon } from "lucide-react";
import type { AdminFeedbackDetail, AdminFeedbackItem } from "@/lib/api/admin-schemas";
import type { FeedbackStatus } from "@/lib/api/schemas";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Kbd } from "@/components/ui/kbd";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { adminApi, adminKeys } from "../admin-api";
import { CorrectionEditor, correctionProblem } from "../correction/correction-editor";
import { StatusBadge, VoteBadge } from "../feedback-badges";
import { formatDateTime } from "../format";

export const canResolveOrDismiss = (status: FeedbackStatus) => status === "pending" || status === "auto_approved";

export interface QueueItemDetailProps {
  id: string;
  /** The list's copy, shown at once while the conversation loads. */
  initial?: AdminFeedbackItem;
  waiting?: FeedbackStatus;
  conflict?: string;
  editorOpen: boolean;
  draft: string;
  onDraftChange(value: string): void;
  onOpenEditor(): void;
  onCloseEditor(): void;
  onResolve(goldenResponse?: string): void;
  onDismiss(reason?: string): void;
  onRestore(): void;
  onDelete(): Promise<void>;
  onClose(): void;
  reasonLabel(type: AdminFeedbackItem["feedback_type"], key: string): string;
  editorRef?: RefObject<HTMLTextAreaElement | null>;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}

function Message({ role, children, rated = false }: { role: string; children: string; rated?: boolean }) {
  return (
    <li className={cn("flex flex-col gap-1 rounded-md border border-border p-3", role === "user" ? "bg-muted/50" : "bg-background", rated && "border-2 border-primary")}>
      <span className="text-xs font-medium text-muted-foreground">{rated ? "Assistant — the rated answer" : role === "user" ? "User" : role === "assistant" ? "Assistant" : "System"}</span>
      <p className="text-sm leading-relaxed whitespace-pre-wrap">{children}</p>
    </li>
  );
}

function DetailPlaceholder({ error, onRetry, onClose }: { error: Error | null; onRetry(): void; onClose(): void }) {
  return (
    <section aria-label="Feedback item" className="flex flex-col gap-3" aria-busy={error ? undefined : "true"}>
      {error ? (
        <Alert tone="error" role="alert">
          <AlertTriangleIcon aria-hidden />
          <div className="flex flex-col gap-2">
            <p>This item could not be loaded: {error.message}</p>
            <div className="flex gap-2">
              <Button size="sm" variant="secondary" onClick={onRetry}>
                Retry
              </Button>
              <Button size="sm" variant="ghost" onClick={onClose}>
                Close
              </Button>
            </div>
          </div>
        </Alert>
      ) : (
        <>
          <span className="sr-only" role="status">
            Loading the item…
          </span>
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </>
      )}
    </section>
  );
}

/** The open item: the whole conversation, the vote and its reason, and the review actions. */
export function QueueItemDetail(props: QueueItemDetailProps) {
  const { id, initial, waiting, conflict, editorOpen, draft, onDraftChange, onOpenEditor, onCloseEditor, onResolve, onDismiss, onRestore, onDelete, onClose, reasonLabel, editorRef, headingRef } = props;
  const detail = useQuery({ queryKey: adminKeys.item(id), queryFn: () => adminApi.getItem(id) });
  const [dismissReason, setDismissReason] = useState("");
  // The list's copy renders at once; the detail adds the conversation before the rated answer.
  const item: AdminFeedbackItem | undefined = detail.data ?? initial;
  if (!item) return <DetailPlaceholder error={detail.isError ? detail.error : null} onRetry={() => void detail.refetch()} onClose={onClose} />;
  const context: AdminFeedbackDetail["context"] | undefined = detail.data?.context;
  const status = waiting ?? item.status;
  const open = canResolveOrDismiss(status) && waiting === undefined;
  const reasonLabels = item.reason_keys.map((key) => reasonLabel(item.feedback_type, key));

  return (
    <section aria-labelledby="item-heading" data-slot="queue-item-detail" className="flex flex-col gap-4">
      <div className="flex items-start justify-between gap-2">
        <div className="flex flex-col gap-2">
          <h2 id="item-heading" ref={headingRef} tabIndex={-1} className="text-lg font-medium focus:outline-none">
            Feedback from {item.user_email}
          </h2>
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <VoteBadge type={item.feedback_type} />
            <StatusBadge status={item.status} waiting={waiting} />
            <time dateTime={item.created_at}>{formatDateTime(item.created_at)}</time>
          </div>
        </div>
        <Button variant="ghost" size="icon" aria-label="Close the item (Esc)" onClick={onClose}>
          <XIcon aria-hidden />
        </Button>
      </div>

      {conflict ? (
        <Alert tone="error" role="alert">
          <AlertTriangleIcon aria-hidden />
          <div className="flex flex-col gap-1">
            <p className="font-medium">Not saved: someone else changed this item</p>
            <p>{conflict}</p>
            <p className="text-muted-foreground">It has been reloaded: check it and act again if you still need to.</p>
          </div>
        </Alert>
      ) : null}

      <section aria-label="Conversation" className="flex flex-col gap-2">
        {detail.isPending ? (
          <div className="flex flex-col gap-2" aria-busy="true">
            <span className="sr-only" role="status">
              Loading the conversation…
            </span>
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-3/4" />
          </div>
        ) : detail.isError ? (
          <Alert tone="error">
            <AlertTriangleIcon aria-hidden />
            <p>
              The conversation could not be loaded ({detail.error instanceof Error ? detail.error.message : "error"}).{" "}
              <button type="button" className="font-medium underline" onClick={() => void detail.refetch()}>
                Retry
              </button>
            </p>
          </Alert>
        ) : null}
        <ol className="flex flex-col gap-2">
          {context?.map((message, index) => (
            <Message key={index} role={message.role}>
              {message.content}
            </Message>
          )) ?? (item.original_query ? <Message role="user">{item.original_query}</Message> : null)}
          <Message role="assistant" rated>
            {item.original_response}
          </Message>
        </ol>
      </section>

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">User’s reason</dt>
        <dd>{[...reasonLabels, item.reason].filter(Boolean).join(" · ") || "None given"}</dd>
        {item.reviewer_email ? (
          <>
            <dt className="text-muted-foreground">{item.status === "dismissed" ? "Dismissed by" : "Reviewed by"}</dt>
            <dd>
              {item.reviewer_email}
              {item.reviewed_at ? `, ${formatDateTime(item.reviewed_at)}` : ""}
            </dd>
          </>
        ) : null}
        {item.dismissal_reason ? (
          <>
            <dt className="text-muted-foreground">Dismissal reason</dt>
            <dd>{item.dismissal_reason}</dd>
          </>
        ) : null}
        {item.golden_response !== null ? (
          <>
            <dt className="text-muted-foreground">Golden answer</dt>
            <dd className="whitespace-pre-wrap">
              {item.golden_response}{" "}
              <Link className="text-primary underline underline-offset-4" href={`/admin/golden-examples?q=${encodeURIComponent(item.original_query.slice(0, 100))}`}>
                Open in golden examples
              </Link>
            </dd>
          </>
        ) : null}
      </dl>

      {open && editorOpen ? (
        <CorrectionEditor item={item} value={draft} onChange={onDraftChange} onSubmit={(value) => onResolve(value)} onCancel={onCloseEditor} textareaRef={editorRef} />
      ) : null}

      <div className="flex flex-wrap items-center gap-2 border-t border-border pt-3" role="group" aria-label="Review actions">
        {open ? (
          <>
            {!editorOpen ? (
              item.feedback_type === "negative" ? (
                <Button onClick={onOpenEditor}>
                  Write the correction <Kbd className="bg-transparent text-inherit">e</Kbd>
                </Button>
              ) : (
                <>
                  <Button onClick={() => onResolve(draft && !correctionProblem(item, draft) && draft !== item.original_response ? draft : undefined)}>
                    Resolve <Kbd className="bg-transparent text-inherit">a</Kbd>
                  </Button>
                  <Button variant="secondary" onClick={onOpenEditor}>
                    Edit the answer <Kbd>e</Kbd>
                  </Button>
                </>
              )
            ) : null}
            <form
              className="flex items-center gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                onDismiss(dismissReason.trim() || undefined);
              }}
            >
              <Input aria-label="Dismissal reason (optional)" placeholder="Reason (optional)" value={dismissReason} onChange={(event) => setDismissReason(event.target.value)} className="w-44" />
              <Button type="submit" variant="secondary">
                Dismiss <Kbd>d</Kbd>
              </Button>
            </form>
          </>
        ) : null}
        {status === "dismissed" && waiting === undefined ? (
          <Button variant="secondary" onClick={onRestore}>
            <RotateCcwIcon aria-hidden /> Restore <Kbd>r</Kbd>
          </Button>
        ) : null}
        {waiting !== undefined ? <p className="text-sm text-muted-foreground">Waiting to be sent — press z to undo.</p> : null}
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="ghost" className="ml-auto text-negative">
              <Trash2Icon aria-hidden /> Delete
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogTitle>Delete this feedback?</AlertDialogTitle>
            <AlertDialogDescription>
              The vote and the golden example made from it are deleted for good; the audit log keeps a record. This cannot be undone.
            </AlertDialogDescription>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction onClick={() => void onDelete()}>Delete</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </div>
    </section>
  );
}
