import type { Metadata } from "next";
import Link from "next/link";
import { ScrollTextIcon } from "lucide-react";
import { AdminAccessDenied } from "@/components/admin/admin-access-denied";
import { AUDIT_ACTIONS, AuditLogTable } from "@/components/admin/audit/audit-log-table";
import { buttonVariants } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { AuditQuerySchema } from "@/lib/api/admin-schemas";
import { listAuditLog } from "@/server/audit/audit-service";
import { getDb } from "@/server/db/database";
import { requireAdminArea, type PageSearchParams } from "../admin-access";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Server-rendered: the filters are a GET form and the pages are links, so the URL is the whole state. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const raw = await searchParams;
  const access = await requireAdminArea("/admin/audit", raw);
  if (!access.allowed) return <AdminAccessDenied email={access.actor.email} role={access.actor.role} />;
  const filters = { actor: first(raw.actor), action: first(raw.action), item: first(raw.item) };
  const page = Math.max(1, Number.parseInt(first(raw.page) ?? "1", 10) || 1);
  const parsed = AuditQuerySchema.safeParse({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const log = parsed.success ? await listAuditLog({ db: getDb(), actor: access.actor }, parsed.data) : null;
  const hrefFor = (target: number) => {
    const query = new URLSearchParams(Object.entries({ ...filters, page: String(target) }).filter((entry): entry is [string, string] => entry[1] !== undefined));
    return `/admin/audit?${query}`;
  };
  const filtered = Object.values(filters).some(Boolean);
  const total = log?.total ?? 0;

  return (
    <main id="main" className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="text-sm text-muted-foreground">Every review action, settings change and golden-example change: who, what, when, before and after.</p>
      <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Actor
          <Input name="actor" defaultValue={filters.actor} placeholder="Email, user id or system" className="w-64 font-normal" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Action
          <Input name="action" defaultValue={filters.action} list="audit-actions" placeholder="e.g. feedback.resolved" className="w-56 font-normal" />
          <datalist id="audit-actions">
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Item id
          <Input name="item" defaultValue={filters.item} placeholder="Feedback or golden example id" className="w-72 font-normal" />
        </label>
        <button type="submit" className={buttonVariants({ variant: "secondary" })}>
          Filter
        </button>
        {filtered ? (
          <Link href="/admin/audit" className={buttonVariants({ variant: "ghost" })}>
            Clear filters
          </Link>
        ) : null}
      </form>
      {!log ? (
        <Alert tone="error" role="alert">
          <p>These filters are not valid: {parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}</p>
        </Alert>
      ) : log.items.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-border px-6 py-12 text-center">
          <ScrollTextIcon className="size-8 text-muted-foreground" aria-hidden />
          <p className="font-medium">{filtered ? "No entry matches these filters." : "Nothing has been recorded yet."}</p>
        </div>
      ) : (
        <>
          <AuditLogTable entries={log.items} />
          <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <p className="text-muted-foreground">
              {(page - 1) * PAGE_SIZE + 1}–{Math.min(total, page * PAGE_SIZE)} of {total.toLocaleString("en")}
            </p>
            <div className="flex gap-2">
              {page > 1 ? (
                <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={hrefFor(page - 1)}>
                  Previous page
                </Link>
              ) : null}
              {page * PAGE_SIZE < total ? (
                <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={hrefFor(page + 1)}>
                  Next page
                </Link>
              ) : null}
            </div>
          </nav>
        </>
      )}
    </main>
  );
}
