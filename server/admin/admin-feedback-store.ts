import "server-only";
import { sql, type ExpressionBuilder, type Selectable } from "kysely";
import type { FeedbackStatus, FeedbackType } from "@/lib/api/schemas";
import type { Queryable } from "@/server/db/database";
import type { DB, Feedback } from "@/server/db/generated/database";
import { dateRangeBounds, likePattern } from "@/server/db/query-filters";

/*
 * The review queue's statements, written once for SQLite and PostgreSQL. An admin item is a vote
 * with who cast it, who reviewed it, the answer it rates, the question before that answer and its
 * golden example.
 */

type Joined = ExpressionBuilder<DB & { f: Feedback; m: DB["Message"] }, "f" | "m">;

/** The last user message before the rated answer: the question it answered. */
function questionOf(eb: Joined) {
  return eb
    .selectFrom("Message as q")
    .select("q.content")
    .whereRef("q.conversationId", "=", "m.conversationId")
    .whereRef("q.position", "<", "m.position")
    .where("q.role", "=", "user")
    .orderBy("q.position", "desc")
    .limit(1);
}

function itemsQuery(db: Queryable, organizationId: string) {
  return db
    .selectFrom("Feedback as f")
    .innerJoin("Message as m", "m.id", "f.messageId")
    .innerJoin("User as u", "u.id", "f.userId")
    .leftJoin("User as r", "r.id", "f.reviewedById")
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
      "g.id as goldenExampleId",
      "g.goldenResponse",
      "g.isActive as goldenIsActive",
    ])
    .select((eb) => questionOf(eb).as("originalQuery"))
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

/** The search: the text, case-insensitively, in the rated answer (m), the user's reason or the question before the answer. */
function textMatches(search: string) {
  const pattern = likePattern(search);
  return (eb: Joined) => {
    const contains = (text: Parameters<typeof eb.fn.coalesce>[0]) =>
      eb(eb.fn("lower", [eb.fn.coalesce(text, sql.lit(""))]), "like", sql<string>`${pattern} escape '\\'`);
    return eb.or([contains("m.content"), contains("f.reason"), contains(questionOf(eb))]);
  };
}

/** One page of the queue, newest first (ties by id), and how many items match in all. */
export async function listQueue(
  db: Queryable,
  organizationId: string,
  filters: QueueFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: AdminFeedbackRow[]; total: number }> {
  const { search } = filters;
  const rows = await itemsQuery(db, organizationId)
    .where(voteMatches(filters))
    .$if(search !== undefined, (qb) => qb.where(textMatches(search!)))
    .orderBy("f.createdAt", "desc")
    .orderBy("f.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  // Counting needs the messages only to search them.
  const votes = db.selectFrom("Feedback as f").where("f.organizationId", "=", organizationId).where(voteMatches(filters));
  const counted =
    search === undefined
      ? votes.select((eb) => eb.fn.countAll<number>().as("total"))
      : votes
          .innerJoin("Message as m", "m.id", "f.messageId")
          .where(textMatches(search))
          .select((eb) => eb.fn.countAll<number>().as("total"));
  const { total } = await counted.executeTakeFirstOrThrow();
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
