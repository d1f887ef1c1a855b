-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "externalId" TEXT,
    "role" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "replyToId" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Message_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "Message" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("content", "conversationId", "createdAt", "externalId", "id", "organizationId", "position", "role") SELECT "content", "conversationId", "createdAt", "externalId", "id", "organizationId", "position", "role" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_organizationId_id_idx" ON "Message"("organizationId", "id");
CREATE INDEX "Message_replyToId_idx" ON "Message"("replyToId");
CREATE UNIQUE INDEX "Message_conversationId_position_key" ON "Message"("conversationId", "position");
CREATE UNIQUE INDEX "Message_organizationId_externalId_key" ON "Message"("organizationId", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Every assistant message answers the last user message before it.
UPDATE "Message" SET "replyToId" = (
  SELECT q."id" FROM "Message" q
   WHERE q."conversationId" = "Message"."conversationId" AND q."role" = 'user' AND q."position" < "Message"."position"
   ORDER BY q."position" DESC LIMIT 1
) WHERE "role" = 'assistant';

-- The searches' index (server/db/text-search.ts): FTS5 tables with the trigram tokenizer over the
-- searched columns, keyed by rowid and kept in step by triggers. Prisma cannot declare them; a later
-- migration that rebuilds one of these tables must create its triggers again and run 'rebuild'
-- (npm run db:check fails when they are missing).
CREATE VIRTUAL TABLE "MessageSearch" USING fts5("content", content='Message', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "MessageSearch_insert" AFTER INSERT ON "Message" BEGIN
  INSERT INTO "MessageSearch"(rowid, "content") VALUES (new.rowid, new."content");
END;
CREATE TRIGGER "MessageSearch_delete" AFTER DELETE ON "Message" BEGIN
  INSERT INTO "MessageSearch"("MessageSearch", rowid, "content") VALUES ('delete', old.rowid, old."content");
END;
CREATE TRIGGER "MessageSearch_update" AFTER UPDATE OF "content" ON "Message" BEGIN
  INSERT INTO "MessageSearch"("MessageSearch", rowid, "content") VALUES ('delete', old.rowid, old."content");
  INSERT INTO "MessageSearch"(rowid, "content") VALUES (new.rowid, new."content");
END;
INSERT INTO "MessageSearch"("MessageSearch") VALUES ('rebuild');
CREATE VIRTUAL TABLE "FeedbackSearch" USING fts5("reason", content='Feedback', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "FeedbackSearch_insert" AFTER INSERT ON "Feedback" BEGIN
  INSERT INTO "FeedbackSearch"(rowid, "reason") VALUES (new.rowid, new."reason");
END;
CREATE TRIGGER "FeedbackSearch_delete" AFTER DELETE ON "Feedback" BEGIN
  INSERT INTO "FeedbackSearch"("FeedbackSearch", rowid, "reason") VALUES ('delete', old.rowid, old."reason");
END;
CREATE TRIGGER "FeedbackSearch_update" AFTER UPDATE OF "reason" ON "Feedback" BEGIN
  INSERT INTO "FeedbackSearch"("FeedbackSearch", rowid, "reason") VALUES ('delete', old.rowid, old."reason");
  INSERT INTO "FeedbackSearch"(rowid, "reason") VALUES (new.rowid, new."reason");
END;
INSERT INTO "FeedbackSearch"("FeedbackSearch") VALUES ('rebuild');
CREATE VIRTUAL TABLE "GoldenExampleSearch" USING fts5("originalQuery", "originalResponse", "goldenResponse", content='GoldenExample', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "GoldenExampleSearch_insert" AFTER INSERT ON "GoldenExample" BEGIN
  INSERT INTO "GoldenExampleSearch"(rowid, "originalQuery", "originalResponse", "goldenResponse") VALUES (new.rowid, new."originalQuery", new."originalResponse", new."goldenResponse");
END;
CREATE TRIGGER "GoldenExampleSearch_delete" AFTER DELETE ON "GoldenExample" BEGIN
  INSERT INTO "GoldenExampleSearch"("GoldenExampleSearch", rowid, "originalQuery", "originalResponse", "goldenResponse") VALUES ('delete', old.rowid, old."originalQuery", old."originalResponse", old."goldenResponse");
END;
CREATE TRIGGER "GoldenExampleSearch_update" AFTER UPDATE OF "originalQuery", "originalResponse", "goldenResponse" ON "GoldenExample" BEGIN
  INSERT INTO "GoldenExampleSearch"("GoldenExampleSearch", rowid, "originalQuery", "originalResponse", "goldenResponse") VALUES ('delete', old.rowid, old."originalQuery", old."originalResponse", old."goldenResponse");
  INSERT INTO "GoldenExampleSearch"(rowid, "originalQuery", "originalResponse", "goldenResponse") VALUES (new.rowid, new."originalQuery", new."originalResponse", new."goldenResponse");
END;
INSERT INTO "GoldenExampleSearch"("GoldenExampleSearch") VALUES ('rebuild');
