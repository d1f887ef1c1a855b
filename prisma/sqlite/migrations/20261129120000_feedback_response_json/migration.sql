-- Feedback.responseJson (SQLite only, not a Prisma field): the row as the API's FeedbackResponse,
-- computed by SQLite on every write. A list read concatenates these instead of building 100 JSON
-- objects per request (docs/database.md, "Generated columns"). Timestamps: Prisma's adapter stores
-- ISO-8601 with "+00:00"; the API form ends in "Z" (other stored forms go through strftime).
-- RedefineTables (a STORED column cannot be added with ALTER TABLE)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Feedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "feedbackType" TEXT NOT NULL,
    "reason" TEXT,
    "reasonKeys" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "dismissalReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "responseJson" TEXT GENERATED ALWAYS AS (json_object(
        'id', "id", 'message_id', "messageId", 'user_id', "userId", 'feedback_type', "feedbackType", 'reason', "reason",
        'reason_keys', CASE WHEN "reasonKeys" IS NULL OR "reasonKeys" = '[]' THEN json_array() ELSE json("reasonKeys") END,
        'status', "status", 'reviewed_by', "reviewedById",
        'reviewed_at', CASE WHEN substr("reviewedAt", 24) = '+00:00' THEN substr("reviewedAt", 1, 23) || 'Z' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', "reviewedAt") END,
        'created_at', CASE WHEN substr("createdAt", 24) = '+00:00' THEN substr("createdAt", 1, 23) || 'Z' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") END,
        'updated_at', CASE WHEN substr("updatedAt", 24) = '+00:00' THEN substr("updatedAt", 1, 23) || 'Z' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', "updatedAt") END
    )) STORED,
    CONSTRAINT "Feedback_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Feedback" ("id", "organizationId", "messageId", "conversationId", "userId", "feedbackType", "reason", "reasonKeys", "status", "revision", "reviewedById", "reviewedAt", "dismissalReason", "createdAt", "updatedAt")
SELECT "id", "organizationId", "messageId", "conversationId", "userId", "feedbackType", "reason", "reasonKeys", "status", "revision", "reviewedById", "reviewedAt", "dismissalReason", "createdAt", "updatedAt" FROM "Feedback";
DROP TABLE "Feedback";
ALTER TABLE "new_Feedback" RENAME TO "Feedback";
CREATE INDEX "Feedback_userId_conversationId_idx" ON "Feedback"("userId", "conversationId");
CREATE INDEX "Feedback_organizationId_status_createdAt_idx" ON "Feedback"("organizationId", "status", "createdAt");
CREATE INDEX "Feedback_organizationId_feedbackType_createdAt_idx" ON "Feedback"("organizationId", "feedbackType", "createdAt");
CREATE INDEX "Feedback_organizationId_createdAt_idx" ON "Feedback"("organizationId", "createdAt");
CREATE INDEX "Feedback_messageId_idx" ON "Feedback"("messageId");
CREATE UNIQUE INDEX "Feedback_userId_messageId_key" ON "Feedback"("userId", "messageId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
