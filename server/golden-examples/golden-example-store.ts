import "server-only";
import { type ExpressionBuilder, type Selectable } from "kysely";
import type { GoldenExample } from "@/lib/api/admin-schemas";
import { recordAudit, type AuditActor } from "@/server/audit/audit-log";
import type { Queryable, Tx } from "@/server/db/database";
import type { DB, GoldenExample as GoldenExampleTable } from "@/server/db/generated/database";
import { newId } from "@/server/db/ids";
import { hasText } from "@/server/db/text-search";
import type { ContextMessage, GoldenExampleSource } from "./golden-example-source";

/*
 * Golden examples' statements, written once for SQLite and PostgreSQL. Every change is audited in
 * the transaction that makes it.
 */

const COLUMNS = [
  "id",
  "organizationId",
  "feedbackId",
  "sourceType",
  "approvalType",
  "originalQuery",
  "originalResponse",
  "goldenResponse",
  "context",
  "createdById",
  "isActive",
  "createdAt",
  "updatedAt",
] as const satisfies ReadonlyArray<keyof GoldenExampleTable>;

export type StoredGoldenExample = Pick<Selectable<GoldenExampleTable>, (typeof COLUMNS)[number]>;

function contextOf(value: unknown): ContextMessage[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is ContextMessage =>
      typeof entry === "object" && entry !== null && typeof entry.content === "string" && ["system", "user", "assistant"].includes(entry.role),
  );
}

export function toGoldenExample(row: StoredGoldenExample): GoldenExample {
  return {
    id: row.id,
    feedback_id: row.feedbackId,
    source_type: row.sourceType === "manual" ? "manual" : "feedback",
    approval_type: row.approvalType,
    original_query: row.originalQuery,
    original_response: row.originalResponse,
    golden_response: row.goldenResponse,
    context: contextOf(row.context),
    created_by: row.createdById,
    is_active: row.isActive,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/**
 * The reviewer's golden example for a feedback: the one made from it before (auto or not) becomes
 * the reviewer's (manual, active, their answer), or a new one is made. Returns its id.
 */
export async function saveReviewedGoldenExample(
  tx: Tx,
  input: { organizationId: string; feedbackId: string; source: GoldenExampleSource; goldenResponse: string; reviewerId: string; now: string },
): Promise<{ id: string }> {
  const existing = await tx
    .selectFrom("GoldenExample")
    .select(["id", "goldenResponse", "approvalType", "isActive"])
    .where("feedbackId", "=", input.feedbackId)
    .executeTakeFirst();
  const content = {
    approvalType: "manual" as const,
    originalQuery: input.source.originalQuery,
    originalResponse: input.source.originalResponse,
    goldenResponse: input.goldenResponse,
    context: JSON.stringify(input.source.context),
    createdById: input.reviewerId,
    isActive: true,
    updatedAt: input.now,
  };
  const id = existing?.id ?? newId();
  if (existing) {
    await tx.updateTable("GoldenExample").set(content).where("id", "=", id).execute();
  } else {
    await tx
      .insertInto("GoldenExample")
      .values({ ...content, id, organizationId: input.organizationId, feedbackId: input.feedbackId, sourceType: "feedback", createdAt: input.now })
      .execute();
  }
  await recordAudit(tx, {
    organizationId: input.organizationId,
    actor: { type: "user", userId: input.reviewerId },
    action: existing ? "golden_example.approved" : "golden_example.created",
    target: { type: "golden_example", id },
    data: {
      feedback_id: input.feedbackId,
      approval_type: "manual",
      ...(existing
        ? { before: { golden_response: existing.goldenResponse, approval_type: existing.approvalType, is_active: existing.isActive }, after: { golden_response: input.goldenResponse } }
        : {}),
    },
    at: input.now,
  });
  return { id };
}

/**
 * The feedback a golden example was made from changed, went away or was dismissed: its active
 * example (only an auto-created one, with `onlyAuto`) stops being used, audited with the cause.
 * Returns the example's id, or null when there was none to deactivate.
 */
export async function deactivateGoldenExampleOf(
  tx: Tx,
  input: { feedbackId: string; organizationId: string; actor: AuditActor; cause: string; now: string; onlyAuto?: boolean },
): Promise<string | null> {
  const example = await tx
    .updateTable("GoldenExample")
    .set({ isActive: false, updatedAt: input.now })
    .where("feedbackId", "=", input.feedbackId)
    .where("isActive", "=", true)
    .$if(input.onlyAuto === true, (qb) => qb.where("approvalType", "=", "auto"))
    .returning("id")
    .executeTakeFirst();
  if (!example) return null;
  await recordAudit(tx, {
    organizationId: input.organizationId,
    actor: input.actor,
    action: "golden_example.deactivated",
    target: { type: "golden_example", id: example.id },
    data: { feedback_id: input.feedbackId, cause: input.cause },
    at: input.now,
  });
  return example.id;
}

export interface GoldenExampleFilters {
  source_type?: "feedback" | "manual";
  approval_type?: "auto" | "manual";
  is_active?: boolean;
  search?: string;
}

function matching(db: Queryable, filters: GoldenExampleFilters) {
  const { search } = filters;
  return (eb: ExpressionBuilder<DB, "GoldenExample">) => {
    const conditions = [];
    if (filters.source_type !== undefined) conditions.push(eb("sourceType", "=", filters.source_type));
    if (filters.approval_type !== undefined) conditions.push(eb("approvalType", "=", filters.approval_type));
    if (filters.is_active !== undefined) conditions.push(eb("isActive", "=", filters.is_active));
    if (search !== undefined) {
      conditions.push(hasText(db, "GoldenExample", "GoldenExample", search));
    }
    return eb.and(conditions);
  };
}

export async function listGoldenExamples(
  db: Queryable,
  organizationId: string,
  filters: GoldenExampleFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: StoredGoldenExample[]; total: number }> {
  const scoped = () => db.selectFrom("GoldenExample").where("organizationId", "=", organizationId).where(matching(db, filters));
  const rows = await scoped().select(COLUMNS).orderBy("createdAt", "desc").orderBy("id", "desc").limit(page.limit).offset(page.offset).execute();
  const { total } = await scoped()
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

/**
 * The matching examples in pages of `pageSize`, oldest first, each page read by keyset (created_at,
 * id) so no statement holds a connection or a snapshot across the whole export.
 */
export async function* pagesOfGoldenExamples(
  db: Queryable,
  organizationId: string,
  filters: GoldenExampleFilters,
  pageSize = 500,
): AsyncGenerator<StoredGoldenExample[]> {
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const page = await db
      .selectFrom("GoldenExample")
      .select(COLUMNS)
      .where("organizationId", "=", organizationId)
      .where(matching(db, filters))
      .$if(after !== undefined, (qb) =>
        // A row comparison, not `a > x or (a = x and b > y)`: both databases start the index scan at the key.
        qb.where((eb) => eb(eb.refTuple("createdAt", "id"), ">", eb.tuple(after!.createdAt, after!.id))),
      )
      .orderBy("createdAt")
      .orderBy("id")
      .limit(pageSize)
      .execute();
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

export function findGoldenExample(db: Queryable, organizationId: string, id: string): Promise<StoredGoldenExample | undefined> {
  return db.selectFrom("GoldenExample").select(COLUMNS).where("id", "=", id).where("organizationId", "=", organizationId).executeTakeFirst();
}

export async function insertManualGoldenExample(
  tx: Tx,
  input: { organizationId: string; createdById: string; originalQuery: string; originalResponse: string; goldenResponse: string; context: ContextMessage[]; now: string },
): Promise<StoredGoldenExample> {
  return tx
    .insertInto("GoldenExample")
    .values({
      id: newId(),
      organizationId: input.organizationId,
      feedbackId: null,
      sourceType: "manual",
      approvalType: "manual",
      originalQuery: input.originalQuery,
      originalResponse: input.originalResponse,
      goldenResponse: input.goldenResponse,
      context: JSON.stringify(input.context),
      createdById: input.createdById,
      isActive: true,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateGoldenExampleRow(
  tx: Tx,
  id: string,
  change: Partial<Pick<StoredGoldenExample, "goldenResponse" | "isActive" | "approvalType" | "createdById">> & { updatedAt: string },
): Promise<StoredGoldenExample> {
  return tx.updateTable("GoldenExample").set(change).where("id", "=", id).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function deleteGoldenExampleRow(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom("GoldenExample").where("id", "=", id).execute();
}

/** Active golden examples of the organization (the stats counter). */
export async function countActiveGoldenExamples(db: Queryable, organizationId: string): Promise<number> {
  const { count } = await db
    .selectFrom("GoldenExample")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("organizationId", "=", organizationId)
    .where("isActive", "=", true)
    .executeTakeFirstOrThrow();
  return Number(count);
}
