"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type RowSelectionState, type Table as TanStackTable } from "@tanstack/react-table";
import type { AdminFeedbackItem } from "@/lib/api/admin-schemas";
import type { FeedbackStatus } from "@/lib/api/schemas";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { StatusBadge, VoteBadge } from "../feedback-badges";
import { excerpt, formatAge, formatDateTime } from "../format";

export interface QueueTableProps {
  items: AdminFeedbackItem[];
  activeId: string | null;
  openId: string | null;
  selection: RowSelectionState;
  onSelectionChange(selection: RowSelectionState): void;
  onActivate(id: string): void;
  onOpen(id: string): void;
  waitingStatusOf(id: string): FeedbackStatus | undefined;
  reasonLabel(type: AdminFeedbackItem["feedback_type"], key: string): string;
}

const column = createColumnHelper<AdminFeedbackItem>();

/** What the cells need from the queue; passed as the table's meta so the columns stay one stable definition. */
interface QueueTableMeta {
  openId: string | null;
  onActivate(id: string): void;
  onOpen(id: string): void;
  waitingStatusOf(id: string): FeedbackStatus | undefined;
  reasonLabel(type: AdminFeedbackItem["feedback_type"], key: string): string;
}

const metaOf = (table: TanStackTable<AdminFeedbackItem>) => table.options.meta as QueueTableMeta;

/** The row's open button: what j/k move the focus to. */
export const rowButtonSelector = (id: string) => `[data-row-open="${CSS.escape(id)}"]`;

// Defined once: a column whose render function changed identity would remount its cells, losing a
// click or the focus in the middle of a review.
const COLUMNS = [
  column.display({
    id: "select",
    header: ({ table }) => (
      <Checkbox
        aria-label="Select every item on this page"
        checked={table.getIsAllRowsSelected() ? true : table.getIsSomeRowsSelected() ? "indeterminate" : false}
        onCheckedChange={(checked) => table.toggleAllRowsSelected(checked === true)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Select “${excerpt(row.original.original_query || row.original.original_response, 60)}”`}
        checked={row.getIsSelected()}
        onCheckedChange={(checked) => row.toggleSelected(checked === true)}
        onClick={(event) => event.stopPropagation()}
      />
    ),
  }),
  column.accessor("original_query", {
    header: "Question",
    cell: ({ row, table }) => {
      const meta = metaOf(table);
      return (
        <button
          type="button"
          data-row-open={row.original.id}
          aria-current={row.original.id === meta.openId ? "true" : undefined}
          className="max-w-72 text-left font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring"
          onFocus={() => meta.onActivate(row.original.id)}
          onClick={(event) => {
            event.stopPropagation();
            meta.onOpen(row.original.id);
          }}
        >
          {excerpt(row.original.original_query || "(no question)", 90)}
        </button>
      );
    },
  }),
  column.accessor("original_response", {
    header: "Answer",
    cell: ({ getValue }) => <span className="block max-w-80 text-muted-foreground">{excerpt(getValue(), 110)}</span>,
  }),
  column.accessor("feedback_type", { header: "Vote", cell: ({ getValue }) => <VoteBadge type={getValue()} /> }),
  column.accessor("reason", {
    header: "Reason",
    cell: ({ row, table }) => {
      const labels = row.original.reason_keys.map((key) => metaOf(table).reasonLabel(row.original.feedback_type, key));
      const text = [...labels, row.original.reason].filter(Boolean).join(" · ");
      return text ? <span className="block max-w-56">{excerpt(text, 80)}</span> : <span className="text-muted-foreground">–</span>;
    },
  }),
  column.accessor("user_email", { header: "User", cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue()}</span> }),
  column.accessor("created_at", {
    header: "Age",
    cell: ({ getValue }) => (
      <time dateTime={getValue()} title={formatDateTime(getValue())} className="whitespace-nowrap text-muted-foreground" suppressHydrationWarning>
        {formatAge(getValue())}
      </time>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ row, table }) => <StatusBadge status={row.original.status} waiting={metaOf(table).waitingStatusOf(row.original.id)} />,
  }),
];

export function QueueTable({ items, activeId, openId, selection, onSelectionChange, onActivate, onOpen, waitingStatusOf, reasonLabel }: QueueTableProps) {
  const meta: QueueTableMeta = { openId, onActivate, onOpen, waitingStatusOf, reasonLabel };
  // TanStack Table returns functions the React Compiler cannot memoize; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: items,
    columns: COLUMNS,
    meta,
    getRowId: (item) => item.id,
    getCoreRowModel: getCoreRowModel(),
    state: { rowSelection: selection },
    onRowSelectionChange: (updater) => onSelectionChange(typeof updater === "function" ? updater(selection) : updater),
  });

  return (
    <Table aria-label="Feedback queue" data-slot="queue-table">
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => (
              <TableHead key={header.id} scope="col" className={header.id === "select" ? "w-8" : undefined}>
                {flexRender(header.column.columnDef.header, header.getContext())}
              </TableHead>
            ))}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow
            key={row.id}
            data-state={row.getIsSelected() ? "selected" : undefined}
            data-active={row.id === activeId ? "true" : undefined}
            className={cn(
              "cursor-pointer hover:bg-muted/60",
              row.id === activeId && "shadow-[inset_3px_0_0_var(--color-primary)]",
              row.id === openId && "bg-muted/70",
            )}
            onClick={() => onOpen(row.id)}
          >
            {row.getVisibleCells().map((cell) => (
              <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
