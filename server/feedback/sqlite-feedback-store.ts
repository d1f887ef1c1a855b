import "server-only";
import Database from "better-sqlite3";
import { sqlitePragmas } from "@/prisma/driver-adapter";
import type { FeedbackStatus, FeedbackType } from "@/lib/api/schemas";
import { createId } from "@/server/db/create-id";
import { CONTEXT_MESSAGE_LIMIT, toGoldenExampleSource, type ContextMessage } from "@/server/golden-examples/golden-example-source";
import { SerializedJson } from "@/server/serialized-json";
import {
  ConcurrentVoteChange,
  GOLDEN_EXAMPLE_JOB,
  type ConversationFeedback,
  goldenExampleJobKey,
  type FeedbackListJson,
  type FeedbackStore,
  type StoredFeedback,
  type SubmissionContext,
  type VotePlan,
} from "./feedback-store";

/*
 * The embedded database's hot path (and the auto golden-example write its jobs make), on a
 * better-sqlite3 connection of its own: prepared
 * statements and synchronous transactions cost tens of microseconds where a Prisma query costs
 * most of a millisecond (../shared/MEASUREMENTS.md: 31 µs raw insert, 0.86 ms Prisma create). Rows are written exactly as Prisma's SQLite adapter
 * writes them (ISO-8601 text timestamps, 0/1 booleans, JSON text), so both read each other's rows;
 * the contract tests run every endpoint through this store on SQLite and through
 * PrismaFeedbackStore on PostgreSQL.
 *
 * The connection never waits for a lock synchronously (that would block the event loop while
 * Prisma's connection, which needs the loop to finish its transaction, holds the lock): it fails
 * fast with SQLITE_BUSY and the write is retried after a short asynchronous pause.
 */

/** A feedback row in FEEDBACK_COLUMNS order (read in raw array mode: no object per row). */
type FeedbackRow = [
  id: string,
  organizationId: string,
  messageId: string,
  userId: string,
  feedbackType: FeedbackType,
  reason: string | null,
  reasonKeys: string | null,
  status: FeedbackStatus,
  revision: number,
  reviewedById: string | null,
  reviewedAt: string | null,
  createdAt: string,
  updatedAt: string,
];

type ContextHead = [
  role: SubmissionContext["messageRole"],
  conversationId: string,
  conversationOwnerId: string,
  settingsOrganizationId: string | null,
  feedbackEnabled: number | null,
  autoApprovePositive: number | null,
  autoApproveNegative: number | null,
  requireReasonPositive: number | null,
  requireReasonNegative: number | null,
  maxReasonLength: number | null,
  reasonOptions: string | null,
];
/** The message, its conversation's owner, the settings and the caller's feedback (or nulls), in one row. */
type ContextRow = [...ContextHead, ...FeedbackRow] | [...ContextHead, ...null[]];
const CONTEXT_FEEDBACK_OFFSET = 11;

/** A vote with the message it rates: what its auto golden example is made of. */
interface GoldenExampleSourceRow {
  organizationId: string;
  revision: number;
  feedbackType: FeedbackType;
  status: FeedbackStatus;
  content: string;
  conversationId: string;
  position: number;
}

const FEEDBACK_COLUMNS = `f."id", f."organizationId", f."messageId", f."userId", f."feedbackType", f."reason", f."reasonKeys",
  f."status", f."revision", f."reviewedById", f."reviewedAt", f."createdAt", f."updatedAt"`;

/** Writes return the row they leave, saving a read-back. */
const RETURNING_FEEDBACK = `RETURNING ${FEEDBACK_COLUMNS.replaceAll("f.", "")}`;

/**
 * The votes a query selects as the whole list response, a BLOB so it reaches JS as the bytes the
 * route sends. Each row's FeedbackResponse is the generated column "responseJson" (migration
 * 20261129120000), which SQLite computes on write: joining the stored JSON costs a fraction of
 * building it per read (docs/architecture.md, "The list reads"). Unordered: the API promises no order.
 */
const FEEDBACK_LIST_JSON = `CAST('{"items":[' || coalesce(group_concat(f."responseJson", ','), '') || ']}' AS BLOB)`;

/**
 * The list reads. The unary + keeps the planner off the organization indexes, which it can
 * otherwise pick, reading the organization's every vote (see sqlite-feedback-store.test.ts).
 */
export const FEEDBACK_LIST_QUERIES = {
  // Parameters: user, conversation, organization. The conversation's owner (no row: no such
  // conversation) and one range of the (userId, conversationId) index.
  inConversation: `
    SELECT c."userId", (SELECT ${FEEDBACK_LIST_JSON} FROM "Feedback" f
                         WHERE f."userId" = ? AND f."conversationId" = c."id" AND +f."organizationId" = c."organizationId")
      FROM "Conversation" c WHERE c."id" = ? AND c."organizationId" = ?`,
  // Parameters: JSON array of message ids, user, organization. CROSS JOIN fixes the join order:
  // one (user, message) unique-index probe per id.
  onMessages: `
    SELECT ${FEEDBACK_LIST_JSON} FROM json_each(?) ids CROSS JOIN "Feedback" f
     WHERE f."userId" = ? AND f."messageId" = ids."value" AND +f."organizationId" = ?`,
};

/** Prisma's SQLite adapter stores DateTime as ISO-8601 with an explicit +00:00 offset. */
const toSqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * The API's form of a stored timestamp, without creating a Date (Next.js instruments the Date
 * constructor, which made date parsing the biggest cost of a 100-vote batch read).
 */
function fromSqliteDate(value: string): string {
  if (value.endsWith("+00:00")) return `${value.slice(0, -6)}Z`;
  return value.endsWith("Z") ? value : new Date(value).toISOString();
}

function toStored(row: FeedbackRow): StoredFeedback {
  const [id, organizationId, messageId, userId, feedbackType, reason, reasonKeys, status, revision, reviewedById, reviewedAt, createdAt, updatedAt] = row;
  return {
    id,
    organizationId,
    messageId,
    userId,
    feedbackType,
    reason,
    reasonKeys: reasonKeys && reasonKeys !== "[]" ? (JSON.parse(reasonKeys) as string[]) : [],
    status,
    revision,
    reviewedById,
    reviewedAt: reviewedAt ? fromSqliteDate(reviewedAt) : null,
    createdAt: fromSqliteDate(createdAt),
    updatedAt: fromSqliteDate(updatedAt),
  };
}

const BUSY_RETRY_LIMIT_MS = 10_000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT" || code === "SQLITE_LOCKED";
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

export class SqliteFeedbackStore implements FeedbackStore {
  private readonly sqlite: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.sqlite = new Database(file, { timeout: 0 });
    this.sqlite.exec(sqlitePragmas());
    const prepare = (sql: string) => this.sqlite.prepare(sql);
    this.statements = {
      context: prepare(`
        SELECT m."role", m."conversationId", c."userId", s."organizationId", s."feedbackEnabled", s."autoApprovePositive",
               s."autoApproveNegative", s."requireReasonPositive", s."requireReasonNegative", s."maxReasonLength",
               s."reasonOptions", ${FEEDBACK_COLUMNS}
          FROM "Message" m
          JOIN "Conversation" c ON c."id" = m."conversationId"
          LEFT JOIN "FeedbackSettings" s ON s."organizationId" = m."organizationId"
          LEFT JOIN "Feedback" f ON f."userId" = ? AND f."messageId" = m."id"
         WHERE m."id" = ? AND m."organizationId" = ?`).raw(true),
      listInConversation: prepare(FEEDBACK_LIST_QUERIES.inConversation).raw(true),
      listOnMessages: prepare(FEEDBACK_LIST_QUERIES.onMessages).pluck(),
      insert: prepare(`
        INSERT INTO "Feedback" ("id", "organizationId", "messageId", "conversationId", "userId", "feedbackType", "reason",
                                "reasonKeys", "status", "revision", "createdAt", "updatedAt")
        VALUES (@id, @organizationId, @messageId, @conversationId, @userId, @feedbackType, @reason, @reasonKeys, @status, 1, @now, @now)
        ${RETURNING_FEEDBACK}`).raw(true),
      updateReason: prepare(`
        UPDATE "Feedback" SET "reason" = @reason, "reasonKeys" = @reasonKeys, "updatedAt" = @now
         WHERE "id" = @id AND "revision" = @revision
        ${RETURNING_FEEDBACK}`).raw(true),
      changeVote: prepare(`
        UPDATE "Feedback" SET "feedbackType" = @feedbackType, "reason" = @reason, "reasonKeys" = @reasonKeys,
               "status" = @status, "revision" = "revision" + 1, "reviewedById" = NULL, "reviewedAt" = NULL,
               "dismissalReason" = NULL, "updatedAt" = @now
         WHERE "id" = @id AND "revision" = @revision
        ${RETURNING_FEEDBACK}`).raw(true),
      delete: prepare(`DELETE FROM "Feedback" WHERE "id" = ? AND "revision" = ?`),
      deactivateAutoExample: prepare(`
        UPDATE "GoldenExample" SET "isActive" = 0, "updatedAt" = @now
         WHERE "feedbackId" = @feedbackId AND "approvalType" = 'auto' AND "isActive" = 1 RETURNING "id"`),
      audit: prepare(`
        INSERT INTO "AuditLog" ("id", "organizationId", "actorUserId", "actorType", "action", "targetType", "targetId", "data", "createdAt")
        VALUES (@id, @organizationId, @actorUserId, @actorType, @action, 'golden_example', @targetId, @data, @now)`),
      goldenExampleSource: prepare(`
        SELECT f."organizationId", f."revision", f."feedbackType", f."status", m."content", m."conversationId", m."position"
          FROM "Feedback" f JOIN "Message" m ON m."id" = f."messageId"
         WHERE f."id" = ?`),
      messagesBefore: prepare(`
        SELECT "role", "content" FROM "Message" WHERE "conversationId" = ? AND "position" < ? ORDER BY "position" DESC LIMIT ?`),
      goldenExampleOf: prepare(`SELECT "id", "approvalType", "isActive" FROM "GoldenExample" WHERE "feedbackId" = ?`),
      insertGoldenExample: prepare(`
        INSERT INTO "GoldenExample" ("id", "organizationId", "feedbackId", "sourceType", "approvalType", "originalQuery",
                                     "originalResponse", "goldenResponse", "context", "isActive", "createdAt", "updatedAt")
        VALUES (@id, @organizationId, @feedbackId, 'feedback', 'auto', @originalQuery, @originalResponse, @originalResponse,
                @context, 1, @now, @now)`),
      reactivateGoldenExample: prepare(`
        UPDATE "GoldenExample" SET "originalQuery" = @originalQuery, "originalResponse" = @originalResponse,
               "goldenResponse" = @originalResponse, "context" = @context, "isActive" = 1, "updatedAt" = @now
         WHERE "id" = @id`),
      enqueue: prepare(`
        INSERT INTO "Job" ("id", "organizationId", "type", "payload", "dedupeKey", "status", "attempts", "maxAttempts", "runAt", "createdAt", "updatedAt")
        VALUES (@id, @organizationId, '${GOLDEN_EXAMPLE_JOB}', @payload, @dedupeKey, 'pending', 0, 8, @now, @now, @now)
        ON CONFLICT ("dedupeKey") DO NOTHING`),
    };
  }

  async loadSubmissionContext(organizationId: string, userId: string, messageId: string): Promise<SubmissionContext | null> {
    const row = this.statements.context.get(userId, messageId, organizationId) as ContextRow | undefined;
    if (!row) return null;
    const [
      role,
      conversationId,
      conversationOwnerId,
      settingsOrganizationId,
      feedbackEnabled,
      autoApprovePositive,
      autoApproveNegative,
      requireReasonPositive,
      requireReasonNegative,
      maxReasonLength,
      reasonOptions,
    ] = row.slice(0, CONTEXT_FEEDBACK_OFFSET) as ContextHead;
    const feedback = row.slice(CONTEXT_FEEDBACK_OFFSET) as FeedbackRow | null[];
    return {
      messageRole: role,
      conversationId,
      conversationOwnerId,
      settings:
        settingsOrganizationId === null
          ? null
          : {
              feedbackEnabled: feedbackEnabled === 1,
              autoApprovePositive: autoApprovePositive === 1,
              autoApproveNegative: autoApproveNegative === 1,
              requireReasonPositive: requireReasonPositive === 1,
              requireReasonNegative: requireReasonNegative === 1,
              maxReasonLength: maxReasonLength ?? 0,
              // Parsed (and validated) only when a vote needs the rules.
              reasonOptions,
            },
      existing: feedback[0] === null ? null : toStored(feedback as FeedbackRow),
    };
  }

  async listFeedbackInConversation(organizationId: string, userId: string, conversationId: string): Promise<ConversationFeedback | null> {
    const row = this.statements.listInConversation.get(userId, conversationId, organizationId) as
      | [conversationOwnerId: string, list: Buffer<ArrayBuffer>]
      | undefined;
    return row ? { conversationOwnerId: row[0], list: new SerializedJson(row[1]) } : null;
  }

  async listFeedbackOnMessages(organizationId: string, userId: string, messageIds: string[]): Promise<FeedbackListJson> {
    const items = this.statements.listOnMessages.get(JSON.stringify(messageIds), userId, organizationId) as Buffer<ArrayBuffer>;
    return new SerializedJson(items);
  }

  async applyVote(plan: VotePlan, now: Date): Promise<StoredFeedback> {
    const at = toSqliteDate(now);
    const write = this.sqlite.transaction((): StoredFeedback => {
      if (plan.kind === "create") {
        let row: FeedbackRow;
        try {
          row = this.statements.insert.get({ id: createId(), ...plan.vote, reasonKeys: JSON.stringify(plan.vote.reasonKeys), now: at }) as FeedbackRow;
        } catch (error) {
          if (isUniqueViolation(error)) throw new ConcurrentVoteChange();
          throw error;
        }
        const created = toStored(row);
        if (plan.enqueueGoldenExample) this.enqueueGoldenExample(created, at);
        return created;
      }
      const { existing } = plan;
      const row =
        plan.kind === "update-reason"
          ? this.statements.updateReason.get({ id: existing.id, revision: existing.revision, reason: plan.reason, reasonKeys: JSON.stringify(plan.reasonKeys), now: at })
          : this.statements.changeVote.get({
              id: existing.id,
              revision: existing.revision,
              feedbackType: plan.vote.feedbackType,
              reason: plan.vote.reason,
              reasonKeys: JSON.stringify(plan.vote.reasonKeys),
              status: plan.vote.status,
              now: at,
            });
      if (!row) throw new ConcurrentVoteChange();
      const updated = toStored(row as FeedbackRow);
      if (plan.kind === "change-vote") {
        this.deactivateAutoGoldenExample(existing, "vote_changed", at);
        if (plan.enqueueGoldenExample) this.enqueueGoldenExample(updated, at);
      }
      return updated;
    });
    return this.withBusyRetry(() => write.immediate());
  }

  async deleteVote(existing: StoredFeedback, now: Date): Promise<boolean> {
    const at = toSqliteDate(now);
    const remove = this.sqlite.transaction((): boolean => {
      // Before the delete: deleting the feedback detaches its golden example (SET NULL).
      this.deactivateAutoGoldenExample(existing, "vote_withdrawn", at);
      if (this.statements.delete.run(existing.id, existing.revision).changes === 0) throw new ConcurrentVoteChange();
      return true;
    });
    try {
      return await this.withBusyRetry(() => remove.immediate());
    } catch (error) {
      if (error instanceof ConcurrentVoteChange) return false;
      throw error;
    }
  }

  async syncAutoGoldenExample(feedbackId: string, revision: number): Promise<void> {
    // Reads and writes in one synchronous transaction: about a tenth of a millisecond of lock,
    // never held across an await, where Prisma's interactive transaction took most of ten.
    const sync = this.sqlite.transaction(() => {
      const vote = this.statements.goldenExampleSource.get(feedbackId) as GoldenExampleSourceRow | undefined;
      if (!vote || vote.revision !== revision || vote.feedbackType !== "positive" || vote.status !== "auto_approved") return;
      const existing = this.statements.goldenExampleOf.get(feedbackId) as { id: string; approvalType: string; isActive: number } | undefined;
      // A reviewer's golden example for this feedback stands as it is.
      if (existing && (existing.approvalType === "manual" || existing.isActive === 1)) return;
      const latestFirst = this.statements.messagesBefore.all(vote.conversationId, vote.position, CONTEXT_MESSAGE_LIMIT) as ContextMessage[];
      const source = toGoldenExampleSource(vote.content, latestFirst);
      const now = toSqliteDate(new Date());
      const content = { originalQuery: source.originalQuery, originalResponse: source.originalResponse, context: JSON.stringify(source.context), now };
      const exampleId = existing?.id ?? createId();
      if (existing) this.statements.reactivateGoldenExample.run({ ...content, id: exampleId });
      else this.statements.insertGoldenExample.run({ ...content, id: exampleId, organizationId: vote.organizationId, feedbackId });
      this.statements.audit.run({
        id: createId(),
        organizationId: vote.organizationId,
        actorUserId: null,
        actorType: "system",
        action: existing ? "golden_example.reactivated" : "golden_example.created",
        targetId: exampleId,
        data: JSON.stringify({ feedback_id: feedbackId, revision, approval_type: "auto" }),
        now,
      });
    });
    await this.withBusyRetry(() => sync.immediate());
  }

  private enqueueGoldenExample(feedback: StoredFeedback, at: string) {
    this.statements.enqueue.run({
      id: createId(),
      organizationId: feedback.organizationId,
      payload: JSON.stringify({ feedback_id: feedback.id, revision: feedback.revision }),
      dedupeKey: goldenExampleJobKey(feedback.id, feedback.revision),
      now: at,
    });
  }

  private deactivateAutoGoldenExample(existing: StoredFeedback, cause: "vote_changed" | "vote_withdrawn", at: string) {
    const example = this.statements.deactivateAutoExample.get({ feedbackId: existing.id, now: at }) as { id: string } | undefined;
    if (!example) return;
    this.statements.audit.run({
      id: createId(),
      organizationId: existing.organizationId,
      actorUserId: existing.userId,
      actorType: "user",
      action: "golden_example.deactivated",
      targetId: example.id,
      data: JSON.stringify({ feedback_id: existing.id, cause }),
      now: at,
    });
  }

  private async withBusyRetry<T>(run: () => T): Promise<T> {
    const deadline = Date.now() + BUSY_RETRY_LIMIT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      try {
        return run();
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }
}
