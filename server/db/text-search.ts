import "server-only";
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { dialectOf, type Queryable } from "./database";
import { likePattern } from "./query-filters";

/**
 * The columns each search reads, per table, and how each database finds text in them without
 * reading every row. PostgreSQL: a trigram (GIN) index per column, declared in its schema. SQLite:
 * an FTS5 table with the trigram tokenizer over the columns (`index`), keyed by the table's rowid
 * and kept in step by triggers; migration 20261201170000_message_reply_and_search creates them and
 * `npm run db:check` fails when a later migration loses them.
 */
export const SEARCHED_TEXT = {
  Message: { columns: ["content"], index: "MessageSearch" },
  Feedback: { columns: ["reason"], index: "FeedbackSearch" },
  GoldenExample: { columns: ["originalQuery", "originalResponse", "goldenResponse"], index: "GoldenExampleSearch" },
} as const;

export type SearchedTable = keyof typeof SEARCHED_TEXT;

/** The trigram index holds three characters at a time: shorter text is looked for row by row. */
const SHORTEST_INDEXED_TEXT = 3;

/**
 * `text` appears, case-insensitively, in one of the searched columns of `table`, which the query
 * names `alias`. The wildcards `%` and `_` in the text are plain characters.
 */
export function hasText(db: Queryable, table: SearchedTable, alias: string, text: string): RawBuilder<SqlBool> {
  const { columns, index } = SEARCHED_TEXT[table];
  const anyColumn = (test: (column: RawBuilder<unknown>) => RawBuilder<SqlBool>) =>
    sql<SqlBool>`(${sql.join(columns.map((column) => test(sql.ref(`${alias}.${column}`))), sql` or `)})`;
  const pattern = likePattern(text);
  // A backslash is PostgreSQL's default LIKE escape; SQLite has none unless told.
  if (dialectOf(db) === "postgresql") return anyColumn((column) => sql<SqlBool>`${column} ilike ${pattern}`);
  if ([...text].length < SHORTEST_INDEXED_TEXT) return anyColumn((column) => sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`);
  // One FTS5 phrase of the whole text: every character in it is literal but the doubled quote.
  const phrase = `"${text.replaceAll('"', '""')}"`;
  return sql<SqlBool>`${sql.ref(`${alias}.rowid`)} in (select rowid from ${sql.table(index)} where ${sql.table(index)} match ${phrase})`;
}
