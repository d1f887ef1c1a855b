import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseConfig, getDb } from "@/server/db/client";
import { FEEDBACK_LIST_QUERIES } from "./sqlite-feedback-store";

const db = getDb();
const sqlite = new Database(getDatabaseConfig(db).sqliteFile!, { readonly: true });
afterAll(async () => {
  sqlite.close();
  await db.$disconnect();
});

const plan = (sql: string) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all("user", "x", "org") as Array<{ detail: string }>).map((row) => row.detail);

describe("SQLite feedback store query plans", () => {
  it("reads a conversation's votes from one range of the (userId, conversationId) index", () => {
    expect(plan(FEEDBACK_LIST_QUERIES.inConversation)).toContain(
      "SEARCH f USING INDEX Feedback_userId_conversationId_idx (userId=? AND conversationId=?)",
    );
  });

  it("reads listed messages' votes with one unique-index probe per id", () => {
    expect(plan(FEEDBACK_LIST_QUERIES.onMessages)).toContain("SEARCH f USING INDEX Feedback_userId_messageId_key (userId=? AND messageId=?)");
  });
});
