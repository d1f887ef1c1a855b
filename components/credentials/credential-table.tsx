"use client";

import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { ListEmpty, ListError, ListLoading } from "@/components/admin/list-states";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CredentialStateBadge, credentialState } from "./credential-status";

export interface Credential {
  id: string;
  name: string;
  prefix: string;
  revoked_at: string | null;
  expires_at?: string | null;
}

export interface CredentialColumn<T> {
  header: string;
  cell(row: T): ReactNode;
}

/**
 * A list of tokens or keys: loading, failed and empty states, then a table of name, prefix, the
 * caller's columns, status and a revoke button for those that still work.
 */
export function CredentialTable<T extends Credential>({
  label,
  loading,
  query,
  prefixHeader,
  columns,
  empty,
  onRevoke,
}: {
  /** The table's accessible name; also what the error state names. */
  label: string;
  /** What the loading state announces, e.g. "Loading API keys". */
  loading: string;
  query: UseQueryResult<T[]>;
  prefixHeader: string;
  columns: ReadonlyArray<CredentialColumn<NoInfer<T>>>;
  empty: { icon: ReactNode; text: string };
  onRevoke(row: NoInfer<T>): void;
}) {
  if (query.isPending) return <ListLoading label={loading} rows={3} />;
  if (query.isError) return <ListError what={label} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <ListEmpty icon={empty.icon}>
        <p>{empty.text}</p>
      </ListEmpty>
    );
  }
  return (
    <Table aria-label={label} data-slot="credential-table">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>{prefixHeader}</TableHead>
          {columns.map((column) => (
            <TableHead key={column.header}>{column.header}</TableHead>
          ))}
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {query.data.map((row) => {
          const state = credentialState(row);
          return (
            <TableRow key={row.id} data-state={state}>
              <TableCell className="font-medium">{row.name}</TableCell>
              <TableCell className="font-mono text-xs">{row.prefix}…</TableCell>
              {columns.map((column) => (
                <TableCell key={column.header}>{column.cell(row)}</TableCell>
              ))}
              <TableCell>
                <CredentialStateBadge state={state} />
              </TableCell>
              <TableCell className="text-right">
                {state === "active" ? (
                  <Button size="sm" variant="secondary" onClick={() => onRevoke(row)} aria-label={`Revoke ${row.name}`}>
                    Revoke
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
