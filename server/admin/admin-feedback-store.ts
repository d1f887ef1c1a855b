import "server-only";
import { type ExpressionBuilder, type Selectable } from "kysely";
import type { FeedbackStatus, FeedbackType } from "@/lib/api/schemas";
import type { Queryable } from "@/server/db/database";
import type { DB, Feedback } from "@/server/db/generated/database";
import { dateRangeBounds } from "@/server/db/query-filters";
import { hasText } from "@/server/db/text-search";

/*
 * The review queue's statements, written once for SQLite and PostgreSQL. An admin item is a vote
 * with who cast it, who reviewed it, the answer it rates, the question before that answer and its
 * golden example.
 */

function itemsQuery(db: Queryable, organizationId: string) {
  return db
    .selectFrom("Feedback as f")
    .innerJoin("Message as m", "m.id", "f.messageId")
    .innerJoin("User as u", "u.id", "f.userId")
    .leftJoin("User as r", "r.id", "f.reviewedById")
    .leftJoin("Message as q", "q.id", "m.replyToId")
    .leftJoin("GoldenExample as g", "g.feedbackId", "f.id")
    .select([
      "f.id",
      "f.organizationId",
      "f.messageId",
      "f.userId",
      "f.feedbackType",
      "f.reason",
      "f.reasonKeys",
      "f.status",
      "f.revision",
      "f.reviewedById",
      "f.reviewedAt",
      "f.dismissalReason",
      "f.createdAt",
      "f.updatedAt",
      "u.email as userEmail",
      "r.email as reviewerEmail",
      "m.content as originalResponse",
      "m.conversationId",
      "m.position",
      "q.content as originalQuery",
      "g.id as goldenExampleId",
      "g.goldenResponse",
      "g.isActive as goldenIsActive",
    ])
    .where("f.organizationId", "=", organizationId);
}

export type AdminFeedbackRow = Omit<Awaited<ReturnType<ReturnType<typeof itemsQuery>["executeTakeFirstOrThrow"]>>, "reasonKeys"> & {
  reasonKeys: string[];
};

function toRow(row: Awaited<ReturnType<ReturnType<typeof itemsQuery>["executeTakeFirstOrThrow"]>>): AdminFeedbackRow {
  const keys = row.reasonKeys;
  return { ...row, reasonKeys: Array.isArray(keys) ? keys.filter((key): key is string => typeof key === "string") : [] };
}

export interface QueueFilters {
  status?: FeedbackStatus;
  type?: FeedbackType;
  search?: string;
  from?: string;
  to?: string;
}

/** The filters on the vote itself, as one condition on the feedback (f). */
function voteMatches(filters: QueueFilters) {
  const { from, to } = dateRangeBounds(filters);
  return (eb: ExpressionBuilder<DB & { f: Feedback }, "f">) => {
    const conditions = [];
    if (filters.status !== undefined) conditions.push(eb("f.status", "=", filters.status));
    if (filters.type !== undefined) conditions.push(eb("f.feedbackType", "=", filters.type));
    if (from !== undefined) conditions.push(eb("f.createdAt", ">=", from));
    if (to !== undefined) conditions.push(eb("f.createdAt", "<", to));
    return eb.and(conditions);
  };
}

/**
 * The search: the votes whose rated answer, whose question (the answer's reply-to message) or whose
 * reason contains the text: three lookups of the text in the search indexes (server/db/text-search.ts)
 * rather than one test per vote.
 */
function textMatches(db: Queryable, organizationId: string, search: string) {
  const votes = () => db.selectFrom("Feedback as sf").select("sf.id").where("sf.organizationId", "=", organizationId);
  const onAnswers = votes()
    .innerJoin("Message as sm", "sm.id", "sf.messageId")
    .where(hasText(db, "Message", "sm", search));
  const onQuestions = votes()
    .innerJoin("Message as sa", "sa.id", "sf.messageId")
    .innerJoin("Message as sq", "sq.id", "sa.replyToId")
    .where(hasText(db, "Message", "sq", search));
  const onReasons = votes().where(hasText(db, "Feedback", "sf", search));
  return (eb: ExpressionBuilder<DB & { f: Feedback }, "f">) => eb("f.id", "in", onAnswers.union(onQuestions).union(onReasons));
}

/** One page of the queue, newest first (ties by id), and how many items match in all. */
export async function listQueue(
  db: Queryable,
  organizationId: string,
  filters: QueueFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: AdminFeedbackRow[]; total: number }> {
  const { search } = filters;
  const matching = () =>
    db
      .selectFrom("Feedback as f")
      .where("f.organizationId", "=", organizationId)
      .where(voteMatches(filters))
      .$if(search !== undefined, (qb) => qb.where(textMatches(db, organizationId, search!)));
  // The page's ids first, then the joins for those rows only: a search can match thousands of votes.
  const pageIds = matching().select("f.id").orderBy("f.createdAt", "desc").orderBy("f.id", "desc").limit(page.limit).offset(page.offset);
  const rows = await itemsQuery(db, organizationId).where("f.id", "in", pageIds).orderBy("f.createdAt", "desc").orderBy("f.id", "desc").execute();
  const { total } = await matching()
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toRow), total: Number(total) };
}

export async function findQueueItem(db: Queryable, organizationId: string, feedbackId: string): Promise<AdminFeedbackRow | null> {
  const row = await itemsQuery(db, organizationId).where("f.id", "=", feedbackId).executeTakeFirst();
  return row ? toRow(row) : null;
}

/** Who voted on what: never changes, so it can be read before taking the vote's lock. */
export function findVoter(db: Queryable, organizationId: string, feedbackId: string) {
  return db
    .selectFrom("Feedback")
    .select(["userId", "messageId"])
    .where("id", "=", feedbackId)
    .where("organizationId", "=", organizationId)
    .executeTakeFirst();
}

export type FeedbackChange = Partial<Pick<Selectable<Feedback>, "status" | "reviewedById" | "reviewedAt" | "dismissalReason">> & { updatedAt: string };

export async function updateFeedback(db: Queryable, feedbackId: string, change: FeedbackChange): Promise<void> {
  await db.updateTable("Feedback").set(change).where("id", "=", feedbackId).execute();
}

export async function deleteFeedback(db: Queryable, feedbackId: string): Promise<void> {
  await db.deleteFrom("GoldenExample").where("feedbackId", "=", feedbackId).execute();
  await db.deleteFrom("Feedback").where("id", "=", feedbackId).execute();
}
