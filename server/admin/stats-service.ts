import "server-only";
import { sql } from "kysely";
import type { DailyStats, FeedbackStats } from "@/lib/api/admin-schemas";
import type { Actor } from "@/server/auth/actor";
import { dialectOf, type Db } from "@/server/db/database";
import { dateRangeBounds } from "@/server/db/query-filters";
import { invalidInput } from "@/server/errors";
import { countActiveGoldenExamples } from "@/server/golden-examples/golden-example-store";

/** Only the organization matters: reviewers, or an API key with `feedback:read`. */
export interface StatsContext {
  db: Db;
  actor: Actor;
  now?: () => Date;
}

/**
 * The eight counters of SPEC §4. The votes are counted per (status, type) in one pass over the
 * organization's (status, type) index, so the queue's totals for the same filters add up to them.
 */
export async function getFeedbackStats(ctx: StatsContext): Promise<FeedbackStats> {
  const { organizationId } = ctx.actor;
  // Side by side: on PostgreSQL each count takes its own connection.
  const [groups, goldenExamples] = await Promise.all([
    ctx.db
      .selectFrom("Feedback")
      .select((eb) => ["status", "feedbackType", eb.fn.countAll<number>().as("count")])
      .where("organizationId", "=", organizationId)
      .groupBy(["status", "feedbackType"])
      .execute(),
    countActiveGoldenExamples(ctx.db, organizationId),
  ]);
  const total = (keep: (group: (typeof groups)[number]) => boolean) => groups.filter(keep).reduce((sum, group) => sum + Number(group.count), 0);
  return {
    total_feedback: total(() => true),
    positive_count: total((group) => group.feedbackType === "positive"),
    negative_count: total((group) => group.feedbackType === "negative"),
    pending_count: total((group) => group.status === "pending"),
    auto_approved_count: total((group) => group.status === "auto_approved"),
    reviewed_count: total((group) => group.status === "reviewed"),
    dismissed_count: total((group) => group.status === "dismissed"),
    golden_examples_count: goldenExamples,
  };
}

const DAY_MS = 24 * 60 * 60_000;
const MAX_DAYS = 366;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Votes per day (UTC) over a range, every day present (zero on a day without feedback). */
export async function getDailyStats(ctx: StatsContext, range: { from?: string; to?: string }): Promise<DailyStats> {
  const today = dayOf((ctx.now ?? (() => new Date()))());
  const lastDay = range.to?.slice(0, 10) ?? today;
  const firstDay = range.from?.slice(0, 10) ?? dayOf(new Date(Date.parse(lastDay) - 29 * DAY_MS));
  const days = Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / DAY_MS) + 1;
  if (days < 1) throw invalidInput("query.from: must not be after to", "validation_error", [{ location: "query", path: "from", message: "query.from: must not be after to" }]);
  if (days > MAX_DAYS) {
    throw invalidInput(`query: at most ${MAX_DAYS} days at once`, "validation_error", [{ location: "query", path: "from", message: `query: at most ${MAX_DAYS} days at once` }]);
  }
  const { from, to } = dateRangeBounds({ from: firstDay, to: lastDay });
  // The day of a stored timestamp: SQLite stores ISO text, PostgreSQL a timestamp (in UTC).
  const day = dialectOf(ctx.db) === "postgresql" ? sql<string>`to_char("createdAt", 'YYYY-MM-DD')` : sql<string>`substr("createdAt", 1, 10)`;
  const rows = await ctx.db
    .selectFrom("Feedback")
    .select((eb) => [
      day.as("day"),
      eb.fn.countAll<number>().filterWhere("feedbackType", "=", "positive").as("positive"),
      eb.fn.countAll<number>().filterWhere("feedbackType", "=", "negative").as("negative"),
    ])
    .where("organizationId", "=", ctx.actor.organizationId)
    .where("createdAt", ">=", from!)
    .where("createdAt", "<", to!)
    .groupBy(day)
    .execute();
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return {
    days: Array.from({ length: days }, (_, index) => {
      const date = dayOf(new Date(Date.parse(firstDay) + index * DAY_MS));
      const positive = Number(byDay.get(date)?.positive ?? 0);
      const negative = Number(byDay.get(date)?.negative ?? 0);
      return { date, positive, negative, positive_rate: positive + negative === 0 ? null : positive / (positive + negative) };
    }),
  };
}
