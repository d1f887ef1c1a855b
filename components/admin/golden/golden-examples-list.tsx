"use client";

import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { DownloadIcon, PencilIcon, SparklesIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";
import { goldenExportUrl } from "@/lib/api/admin-client";
import type { GoldenExample } from "@/lib/api/admin-schemas";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { adminApi, adminKeys } from "../admin-api";
import { FilterSelect } from "../filter-select";
import { excerpt, formatAge, formatDateTime } from "../format";
import { errorText, ListEmpty, ListError, ListLoading, ListPages } from "../list-states";
import { GoldenExampleEditor } from "./golden-example-editor";
import { NewGoldenExampleDialog } from "./new-golden-example-dialog";
import { GOLDEN_PAGE_SIZE, goldenSearchParams, toExportQuery, toGoldenQuery, type GoldenFilters } from "./golden-params";

const SOURCE_OPTIONS = [
  { value: "feedback", label: "Feedback" },
  { value: "manual", label: "Written by hand" },
] as const;
const APPROVAL_OPTIONS = [
  { value: "auto", label: "Automatic" },
  { value: "manual", label: "By a reviewer" },
] as const;
const ACTIVE_OPTIONS = [
  { value: "all", label: "Active and inactive" },
  { value: "true", label: "Active only" },
  { value: "false", label: "Inactive only" },
] as const;

export function GoldenExamplesList() {
  const queryClient = useQueryClient();
  const [filters, setFilters] = useQueryStates(goldenSearchParams, { history: "push" });
  const query = toGoldenQuery(filters);
  const list = useQuery({ queryKey: adminKeys.goldenExampleList(query), queryFn: () => adminApi.listGoldenExamples(query), placeholderData: keepPreviousData });
  const [search, setSearch] = useState(filters.q);
  const [urlSearch, setUrlSearch] = useState(filters.q);
  if (urlSearch !== filters.q) {
    setUrlSearch(filters.q);
    setSearch(filters.q);
  }
  const [editing, setEditing] = useState<GoldenExample | null>(null);
  const [deleting, setDeleting] = useState<GoldenExample | null>(null);

  const change = (next: Partial<GoldenFilters>) => void setFilters({ ...next, page: next.page ?? 1 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.goldenExamples() });

  const toggle = useMutation({
    mutationFn: (example: GoldenExample) => adminApi.updateGoldenExample(example.id, { is_active: !example.is_active }),
    onSuccess: (updated) => toast(updated.is_active ? "Golden example activated: it is exported again" : "Golden example deactivated: exports leave it out"),
    onError: (error) => toast.error("Not changed", { description: errorText(error) }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (example: GoldenExample) => adminApi.deleteGoldenExample(example.id),
    onSuccess: () => toast("Golden example deleted"),
    onError: (error) => toast.error("Not deleted", { description: errorText(error) }),
    onSettled: refresh,
  });

  const items = list.data?.items ?? [];
  const filtered = filters.q !== "" || filters.source !== null || filters.approval !== null || filters.active !== "all";

  return (
    <div data-slot="golden-examples-list" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Golden examples</h1>
        <div className="flex flex-wrap items-center gap-2">
          <a className={buttonVariants({ variant: "secondary", size: "sm" })} href={goldenExportUrl(toExportQuery(filters, "jsonl"))} download>
            <DownloadIcon aria-hidden /> Export JSONL
          </a>
          <a className={buttonVariants({ variant: "secondary", size: "sm" })} href={goldenExportUrl(toExportQuery(filters, "csv"))} download>
            <DownloadIcon aria-hidden /> Export CSV
          </a>
          <NewGoldenExampleDialog />
        </div>
      </div>
      <p className="text-sm text-muted-foreground">
        Exports take the filters below; without an “Active” filter they contain the active examples. JSONL is the chat fine-tuning format, one{" "}
        <code className="font-mono">{`{"messages": [...]}`}</code> per line, with the conversation before each answer.
      </p>
      <form role="search" aria-label="Filter golden examples" className="flex flex-wrap items-end gap-3" onSubmit={(event) => {
        event.preventDefault();
        change({ q: search });
      }}>
        <div className="flex flex-col gap-1">
          <Label htmlFor="golden-search">Search</Label>
          <div className="flex gap-2">
            <Input id="golden-search" type="search" value={search} placeholder="Question or answer" className="w-72" onChange={(event) => setSearch(event.target.value)} />
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </div>
        </div>
        <FilterSelect id="golden-source" label="Source" anyLabel="Any" value={filters.source} options={SOURCE_OPTIONS} onChange={(source) => change({ source })} />
        <FilterSelect id="golden-approval" label="Approval" anyLabel="Any" value={filters.approval} options={APPROVAL_OPTIONS} onChange={(approval) => change({ approval })} />
        <FilterSelect id="golden-active" label="Active" value={filters.active} options={ACTIVE_OPTIONS} onChange={(active) => change({ active: active ?? "all" })} />
        {filtered ? (
          <Button variant="ghost" onClick={() => change({ q: "", source: null, approval: null, active: "all" })}>
            Clear filters
          </Button>
        ) : null}
      </form>

      <section aria-label="Golden examples" aria-busy={list.isFetching ? "true" : "false"} className="flex flex-col gap-3">
        {list.isPending ? (
          <ListLoading label="Loading golden examples…" />
        ) : list.isError && !list.data ? (
          <ListError what="The golden examples" error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <ListEmpty icon={<SparklesIcon aria-hidden />}>
            <p className="font-medium">{filtered ? "No golden example matches these filters." : "No golden examples yet: resolve feedback in the queue, or write one with “New golden example”."}</p>
          </ListEmpty>
        ) : (
          <>
            <Table aria-label="Golden examples">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Question</TableHead>
                  <TableHead scope="col">Golden answer</TableHead>
                  <TableHead scope="col">Source</TableHead>
                  <TableHead scope="col">Active</TableHead>
                  <TableHead scope="col">Updated</TableHead>
                  <TableHead scope="col">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((example) => {
                  const question = excerpt(example.original_query || "(no question)", 80);
                  return (
                    <TableRow key={example.id} data-testid="golden-example-row">
                      <TableCell className="max-w-64 font-medium">{question}</TableCell>
                      <TableCell className="max-w-96">
                        <span className="block">{excerpt(example.golden_response, 140)}</span>
                        {example.golden_response !== example.original_response ? <span className="text-xs text-muted-foreground">Corrected</span> : null}
                      </TableCell>
                      <TableCell>
                        <div className="flex flex-col items-start gap-1">
                          <Badge>{example.source_type === "feedback" ? "Feedback" : "By hand"}</Badge>
                          <Badge tone={example.approval_type === "manual" ? "info" : "neutral"}>{example.approval_type === "manual" ? "Reviewer" : "Automatic"}</Badge>
                        </div>
                      </TableCell>
                      <TableCell>
                        <Switch
                          checked={example.is_active}
                          aria-label={`Active: ${question}`}
                          disabled={toggle.isPending && toggle.variables?.id === example.id}
                          onCheckedChange={() => toggle.mutate(example)}
                        />
                      </TableCell>
                      <TableCell>
                        <time dateTime={example.updated_at} title={formatDateTime(example.updated_at)} className="whitespace-nowrap text-muted-foreground" suppressHydrationWarning>
                          {formatAge(example.updated_at)}
                        </time>
                      </TableCell>
                      <TableCell>
                        <div className="flex gap-1">
                          <Button size="icon" variant="ghost" aria-label={`Edit: ${question}`} onClick={() => setEditing(example)}>
                            <PencilIcon aria-hidden />
                          </Button>
                          <Button size="icon" variant="ghost" className="text-negative" aria-label={`Delete: ${question}`} onClick={() => setDeleting(example)}>
                            <Trash2Icon aria-hidden />
                          </Button>
                        </div>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            <ListPages page={filters.page} pageSize={GOLDEN_PAGE_SIZE} total={list.data?.total ?? 0} onPage={(page) => change({ page })} />
          </>
        )}
      </section>

      <GoldenExampleEditor example={editing} onOpenChange={(open) => !open && setEditing(null)} />
      <AlertDialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        <AlertDialogContent>
          <AlertDialogTitle>Delete this golden example?</AlertDialogTitle>
          <AlertDialogDescription>
            “{deleting ? excerpt(deleting.original_query || deleting.golden_response, 100) : ""}” is deleted for good and leaves every future export. To keep it but leave it
            out of exports, deactivate it instead.
          </AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={() => deleting && remove.mutate(deleting)}>Delete</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
