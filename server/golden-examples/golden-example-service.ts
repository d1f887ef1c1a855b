import "server-only";
import type { CreateGoldenExampleBody, GoldenExample, GoldenExampleExportQuery, GoldenExampleListQuery, UpdateGoldenExampleBody } from "@/lib/api/admin-schemas";
import { recordAudit } from "@/server/audit/audit-log";
import type { UserActor } from "@/server/auth/actor";
import { inTransaction, type Db } from "@/server/db/database";
import { notFound } from "@/server/errors";
import {
  deleteGoldenExampleRow,
  findGoldenExample,
  insertManualGoldenExample,
  listGoldenExamples as readGoldenExamples,
  pagesOfGoldenExamples,
  toGoldenExample,
  updateGoldenExampleRow,
  type StoredGoldenExample,
} from "./golden-example-store";

export interface GoldenExampleContext {
  db: Db;
  actor: UserActor;
  now?: () => Date;
}

const NOT_FOUND = "Golden example not found";
const nowOf = (ctx: GoldenExampleContext) => (ctx.now ?? (() => new Date()))().toISOString();

export async function listGoldenExamples(ctx: GoldenExampleContext, query: GoldenExampleListQuery) {
  const { limit, offset, ...filters } = query;
  const { rows, total } = await readGoldenExamples(ctx.db, ctx.actor.organizationId, filters, { limit, offset });
  return { items: rows.map(toGoldenExample), total, limit, offset };
}

export async function getGoldenExample(ctx: GoldenExampleContext, id: string): Promise<GoldenExample> {
  const row = await findGoldenExample(ctx.db, ctx.actor.organizationId, id);
  if (!row) throw notFound(NOT_FOUND);
  return toGoldenExample(row);
}

/** A golden example written by hand (source "manual"): a question and the answer the model should give. */
export async function createGoldenExample(ctx: GoldenExampleContext, input: CreateGoldenExampleBody): Promise<GoldenExample> {
  const now = nowOf(ctx);
  return inTransaction(ctx.db, async (tx) => {
    const row = await insertManualGoldenExample(tx, {
      organizationId: ctx.actor.organizationId,
      createdById: ctx.actor.userId,
      originalQuery: input.original_query,
      originalResponse: input.original_response ?? input.golden_response,
      goldenResponse: input.golden_response,
      context: input.context ?? [],
      now,
    });
    await recordAudit(tx, {
      organizationId: ctx.actor.organizationId,
      actor: { type: "user", userId: ctx.actor.userId },
      action: "golden_example.created",
      target: { type: "golden_example", id: row.id },
      data: { source_type: "manual", approval_type: "manual" },
      at: now,
    });
    return toGoldenExample(row);
  });
}

/**
 * A reviewer edits the answer or switches the example on or off. An edited answer is the
 * reviewer's: the example becomes `manual`, created by them.
 */
export async function updateGoldenExample(ctx: GoldenExampleContext, id: string, input: UpdateGoldenExampleBody): Promise<GoldenExample> {
  const now = nowOf(ctx);
  return inTransaction(ctx.db, async (tx) => {
    const before = await findGoldenExample(tx, ctx.actor.organizationId, id);
    if (!before) throw notFound(NOT_FOUND);
    const edited = input.golden_response !== undefined && input.golden_response !== before.goldenResponse;
    const after = await updateGoldenExampleRow(tx, id, {
      ...(edited ? { goldenResponse: input.golden_response, approvalType: "manual" as const, createdById: ctx.actor.userId } : {}),
      ...(input.is_active !== undefined ? { isActive: input.is_active } : {}),
      updatedAt: now,
    });
    const changes = changedFields(before, after);
    if (Object.keys(changes.before).length > 0) {
      await recordAudit(tx, {
        organizationId: ctx.actor.organizationId,
        actor: { type: "user", userId: ctx.actor.userId },
        action: "golden_example.updated",
        target: { type: "golden_example", id },
        data: changes,
        at: now,
      });
    }
    return toGoldenExample(after);
  });
}

function changedFields(before: StoredGoldenExample, after: StoredGoldenExample) {
  const fields = { golden_response: "goldenResponse", is_active: "isActive", approval_type: "approvalType" } as const;
  const changes: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const [name, column] of Object.entries(fields)) {
    if (before[column] === after[column]) continue;
    changes.before[name] = before[column];
    changes.after[name] = after[column];
  }
  return changes;
}

export async function deleteGoldenExample(ctx: GoldenExampleContext, id: string): Promise<void> {
  const now = nowOf(ctx);
  await inTransaction(ctx.db, async (tx) => {
    const before = await findGoldenExample(tx, ctx.actor.organizationId, id);
    if (!before) throw notFound(NOT_FOUND);
    await deleteGoldenExampleRow(tx, id);
    await recordAudit(tx, {
      organizationId: ctx.actor.organizationId,
      actor: { type: "user", userId: ctx.actor.userId },
      action: "golden_example.deleted",
      target: { type: "golden_example", id },
      data: { before: { feedback_id: before.feedbackId, approval_type: before.approvalType, golden_response: before.goldenResponse, is_active: before.isActive } },
      at: now,
    });
  });
}

/** The examples an export covers: active ones unless the filters say otherwise, oldest first, page by page. */
export function exportPages(ctx: GoldenExampleContext, query: GoldenExampleExportQuery) {
  const { format: _format, ...filters } = query;
  return pagesOfGoldenExamples(ctx.db, ctx.actor.organizationId, { ...filters, is_active: filters.is_active ?? true });
}
