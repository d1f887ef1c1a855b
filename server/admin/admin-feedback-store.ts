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
 * The votes the filters select, as the derived table `v` (id, createdAt) of a statement. With a
 * search: those whose rated answer, whose question (the answer's reply-to message) or whose reason
 * contains the text. The messages with the text are looked up once in the search index
 * (server/db/text-search.ts) as `hits`; the votes are then found from them through indexes, each
 * way with the vote's own filters, rather than by testing every vote.
 */
function fromMatchingVotes(db: Queryable, organizationId: string, filters: QueueFilters) {
  const { search } = filters;
  if (search === undefined) {
    return db.selectFrom((qc) => qc.selectFrom("Feedback as f").select(["f.id", "f.createdAt"]).where("f.organizationId", "=", organizationId).where(voteMatches(filters)).as("v"));
  }
  return db
    .with("hits", (qc) => qc.selectFrom("Message as m").select(["m.id", "m.role"]).where(hasText(db, "Message", "m", search)))
    .selectFrom((qc) => {
      const votes = () => qc.selectFrom("Feedback as f").select(["f.id", "f.createdAt"]).where("f.organizationId", "=", organizationId).where(voteMatches(filters));
      const onAnswers = votes().where("f.messageId", "in", qc.selectFrom("hits").select("hits.id"));
      const onQuestions = votes()
        .innerJoin("Message as answer", "answer.id", "f.messageId")
        .where("answer.replyToId", "in", qc.selectFrom("hits").select("hits.id").where("hits.role", "=", "user"));
      const onReasons = votes().where(hasText(db, "Feedback", "f", search));
      return onAnswers.union(onQuestions).union(onReasons).as("v");
    });
}

/** One page of the queue, newest first (ties by id), and how many items match in all. */
export async function listQueue(
  db: Queryable,
  organizationId: string,
  filters: QueueFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: AdminFeedbackRow[]; total: number }> {
  const matching = () => fromMatchingVotes(db, organizationId, filters);
  const itemsNewestFirst = () => itemsQuery(db, organizationId).orderBy("f.createdAt", "desc").orderBy("f.id", "desc");
  const countAll = async () => Number((await matching().select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow()).total);
  if (filters.search === undefined) {
    // The page's ids first, then the joins for those rows only. Without a search the page and the
    // count are index scans; side by side, as on PostgreSQL each takes its own connection.
    const pageIds = matching().select("v.id").orderBy("v.createdAt", "desc").orderBy("v.id", "desc").limit(page.limit).offset(page.offset);
    const [rows, total] = await Promise.all([itemsNewestFirst().where("f.id", "in", pageIds).execute(), countAll()]);
    return { rows: rows.map(toRow), total };
  }
  // A search can match thousands of votes: they are collected once, and the page's ids and the
  // total come from that one pass (a window count), then the joins run for the page's rows only.
  const pageIds = await matching()
    .select((eb) => ["v.id", eb.fn.countAll<number>().over().as("total")])
    .orderBy("v.createdAt", "desc")
    .orderBy("v.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  // Past the last page there is no row to carry the total.
  if (pageIds.length === 0) return { rows: [], total: page.offset === 0 ? 0 : await countAll() };
  const rows = await itemsNewestFirst()
    .where(
      "f.id",
      "in",
      pageIds.map((entry) => entry.id),
    )
    .execute();
  return { rows: rows.map(toRow), total: Number(pageIds[0]!.total) };
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
