import Link from "next/link";
import type { AuditEntry } from "@/lib/api/admin-schemas";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "../format";

/** Actions the services record, for the filter's suggestions (the filter takes any text). */
export const AUDIT_ACTIONS = [
  "feedback.resolved",
  "feedback.dismissed",
  "feedback.restored",
  "feedback.deleted",
  "golden_example.created",
  "golden_example.approved",
  "golden_example.updated",
  "golden_example.deactivated",
  "golden_example.reactivated",
  "golden_example.deleted",
  "settings.updated",
  "api_key.created",
  "api_key.revoked",
] as const;

function who(entry: AuditEntry): string {
  if (entry.actor_type === "system") return "System";
  if (entry.actor_type === "api_key") return "API key";
  return entry.actor_email ?? entry.actor_user_id ?? "A former user";
}

/** "status: pending → reviewed" for each field a before/after pair names. */
export function summarizeChange(data: AuditEntry["data"]): string[] {
  if (!data) return [];
  const before = (data.before ?? {}) as Record<string, unknown>;
  const after = (data.after ?? {}) as Record<string, unknown>;
  const show = (value: unknown) => (value === undefined ? "–" : typeof value === "string" ? value : JSON.stringify(value));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map((key) => `${key}: ${show(before[key])} → ${show(after[key])}`);
}

function ItemLink({ entry }: { entry: AuditEntry }) {
  const short = entry.target_id.length > 12 ? `${entry.target_id.slice(0, 8)}…` : entry.target_id;
  return (
    <div className="flex flex-col gap-0.5">
      <span className="text-xs text-muted-foreground">{entry.target_type.replace("_", " ")}</span>
      {entry.target_type === "feedback" ? (
        <Link className="font-mono text-xs text-primary underline underline-offset-2" href={`/admin/queue?status=all&item=${encodeURIComponent(entry.target_id)}`} title={entry.target_id}>
          {short}
        </Link>
      ) : (
        <span className="font-mono text-xs" title={entry.target_id}>
          {short}
        </span>
      )}
      <Link className="text-xs text-muted-foreground underline underline-offset-2" href={`/admin/audit?item=${encodeURIComponent(entry.target_id)}`}>
        History<span className="sr-only"> of {entry.target_type.replace("_", " ")} {entry.target_id}</span>
      </Link>
    </div>
  );
}

export function AuditLogTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table aria-label="Audit log">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">When</TableHead>
          <TableHead scope="col">Who</TableHead>
          <TableHead scope="col">Action</TableHead>
          <TableHead scope="col">Item</TableHead>
          <TableHead scope="col">What changed</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => {
          const changes = summarizeChange(entry.data);
          return (
            <TableRow key={entry.id}>
              <TableCell className="whitespace-nowrap">
                <time dateTime={entry.created_at}>{formatDateTime(entry.created_at)}</time>
              </TableCell>
              <TableCell>{who(entry)}</TableCell>
              <TableCell>
                <Badge>{entry.action}</Badge>
              </TableCell>
              <TableCell>
                <ItemLink entry={entry} />
              </TableCell>
              <TableCell className="max-w-md">
                {changes.length > 0 ? (
                  <ul className="flex flex-col gap-0.5 text-xs">
                    {changes.map((change) => (
                      <li key={change} className="break-words">
                        {change}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {entry.data ? (
                  <details className="text-xs">
                    <summary className="cursor-pointer text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring">Full record</summary>
                    <pre className="mt-1 max-h-48 overflow-auto rounded bg-muted p-2 font-mono whitespace-pre-wrap">{JSON.stringify(entry.data, null, 2)}</pre>
                  </details>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
