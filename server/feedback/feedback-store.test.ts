// The list reads must stay index range reads on SQLite, which plans without statistics on a new
// database: left to itself it would read a whole organization's votes through its index.
import Database from "better-sqlite3";
import type { Compilable } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDatabaseConfig } from "@/prisma/database-url";
import { getDb } from "@/server/db/database";
import { conversationFeedbackQuery, messagesFeedbackQuery } from "./feedback-store";

const db = getDb();
const sqlite = new Database(resolveDatabaseConfig().sqliteFile!, { readonly: true });
afterAll(() => sqlite.close());

function plan(query: Compilable): string[] {
  const { sql, parameters } = query.compile();
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((row) => row.detail);
}

describe("feedback list query plans (SQLite)", () => {
  it("reads a conversation's votes from one range of the (userId, conversationId) index", () => {
    expect(plan(conversationFeedbackQuery(db, "user", "conversation"))).toEqual([
      "SEARCH Feedback USING INDEX Feedback_userId_conversationId_idx (userId=? AND conversationId=?)",
    ]);
  });

  it("reads listed messages' votes with one (userId, messageId) probe per id", () => {
    expect(plan(messagesFeedbackQuery(db, "user", ["a", "b", "c"]))).toEqual([
      "SEARCH Feedback USING INDEX Feedback_userId_messageId_key (userId=? AND messageId=?)",
    ]);
  });
});
