// `npm run bench:list-query`: times the SQLite statement behind GET /api/feedback?conversation_id=
// on the database `npm run bench` leaves behind (.data/bench.db, 100 votes in a 200-message
// conversation), against building each vote's JSON at read time from the generated column's own
// expression, and against returning the votes in message order.
// Usage: npm run bench:list-query [-- --database .data/bench.db --calls 20000]
import Database from "better-sqlite3";
import { generatedColumns } from "./lib/sqlite-generated-columns";
import { FEEDBACK_LIST_QUERIES } from "@/server/feedback/sqlite-feedback-store";

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) args.set(process.argv[index]!.replace(/^--/, ""), process.argv[index + 1]!);
const DATABASE = args.get("database") ?? ".data/bench.db";
const CALLS = Number(args.get("calls") ?? 20_000);
const ROUNDS = 5;

const sqlite = new Database(DATABASE, { readonly: true, fileMustExist: true });
const feedbackTable = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Feedback'`).pluck().get() as string;
const responseJson = generatedColumns(feedbackTable).find((column) => column.name === "responseJson");
if (!responseJson) throw new Error(`${DATABASE} has no Feedback."responseJson": run npm run bench first`);

// The conversation with the most votes and its voter.
const target = sqlite
  .prepare(
    `SELECT "userId", "conversationId", "organizationId", count(*) AS votes FROM "Feedback"
      GROUP BY "userId", "conversationId" HAVING votes <= 100 ORDER BY votes DESC LIMIT 1`,
  )
  .get() as { userId: string; conversationId: string; organizationId: string; votes: number };
const parameters = [target.userId, target.conversationId, target.organizationId];

const votesWhere = `WHERE f."userId" = ? AND f."conversationId" = ? AND +f."organizationId" = ?`;
const variants = {
  "production statement (owner check + stored JSON joined)": sqlite.prepare(FEEDBACK_LIST_QUERIES.inConversation).raw(true),
  "stored JSON joined (votes only)": sqlite.prepare(
    `SELECT CAST('[' || coalesce(group_concat(f."responseJson", ','), '') || ']' AS BLOB) FROM "Feedback" f ${votesWhere}`,
  ),
  "stored JSON joined in message order (votes only)": sqlite.prepare(
    `SELECT CAST('[' || coalesce(group_concat(f."responseJson", ',' ORDER BY f."messageId"), '') || ']' AS BLOB) FROM "Feedback" f ${votesWhere}`,
  ),
  "JSON built at read time (votes only)": sqlite.prepare(
    `SELECT CAST(json_group_array(${responseJson.expression}) AS BLOB) FROM "Feedback" f ${votesWhere}`,
  ),
};

type Item = { id: string };
const bodyOf = (statement: Database.Statement) => {
  const row = statement.raw(true).get(...parameters) as unknown[];
  const body = JSON.parse(String(row.at(-1))) as Item[] | { items: Item[] };
  return Array.isArray(body) ? body : body.items;
};
const sortedById = (items: Item[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
const bodies = Object.values(variants).map((statement) => JSON.stringify(sortedById(bodyOf(statement))));
if (new Set(bodies).size !== 1) throw new Error("The variants return different bodies");

console.log(`${target.votes} votes, ${CALLS} calls per round, median of ${ROUNDS} rounds (${DATABASE})`);
for (const [name, statement] of Object.entries(variants)) {
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    for (let call = 0; call < CALLS; call++) statement.get(...parameters);
    timings.push(Number(process.hrtime.bigint() - started) / CALLS / 1000);
  }
  timings.sort((a, b) => a - b);
  console.log(`${name}: ${timings[Math.floor(ROUNDS / 2)]!.toFixed(1)} µs per call`);
}
sqlite.close();
