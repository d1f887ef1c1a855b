import "server-only";
import { sql } from "kysely";
import { dialectOf, type Tx } from "./database";

/**
 * Serializes every write to one user's vote on one message until the transaction ends: two
 * simultaneous flips take turns, and the second sees what the first committed, on both databases.
 * PostgreSQL takes a transaction-scoped advisory lock on the (user, message) pair, which also
 * covers a first vote that has no row to lock yet; SQLite write transactions already run one at a
 * time (they begin IMMEDIATE on the process's single connection, see sqlite-database.ts).
 */
export async function lockVote(tx: Tx, userId: string, messageId: string): Promise<void> {
  if (dialectOf(tx) !== "postgresql") return;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`vote:${userId}:${messageId}`}, 0))`.execute(tx);
}
