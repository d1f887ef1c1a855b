-- Timestamps are written by the app (server/db: ISO-8601 UTC with milliseconds, "…T…Z"), never
-- by a column default: SQLite's CURRENT_TIMESTAMP has another text form ("… …"), and text compares
-- and sorts correctly only when every row has the same one. The table rebuilds below drop the
-- defaults (and Feedback's former generated column "responseJson"); the updates at the end bring
-- rows written before (Prisma's "+00:00" form) into that one form.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("createdAt", "id", "name", "slug", "updatedAt") SELECT "createdAt", "id", "name", "slug", "updatedAt" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "image" TEXT,
    "emailVerified" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "emailVerified", "id", "image", "name", "updatedAt") SELECT "createdAt", "email", "emailVerified", "id", "image", "name", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Membership" ("createdAt", "id", "organizationId", "role", "userId") SELECT "createdAt", "id", "organizationId", "role", "userId" FROM "Membership";
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");
CREATE UNIQUE INDEX "Membership_organizationId_userId_key" ON "Membership"("organizationId", "userId");
CREATE TABLE "new_Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "externalId" TEXT,
    "title" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Conversation" ("createdAt", "externalId", "id", "organizationId", "title", "updatedAt", "userId") SELECT "createdAt", "externalId", "id", "organizationId", "title", "updatedAt", "userId" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE INDEX "Conversation_organizationId_userId_createdAt_idx" ON "Conversation"("organizationId", "userId", "createdAt");
CREATE UNIQUE INDEX "Conversation_organizationId_externalId_key" ON "Conversation"("organizationId", "externalId");
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "externalId" TEXT,
    "role" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Message_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("content", "conversationId", "createdAt", "externalId", "id", "organizationId", "position", "role") SELECT "content", "conversationId", "createdAt", "externalId", "id", "organizationId", "position", "role" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_organizationId_id_idx" ON "Message"("organizationId", "id");
CREATE UNIQUE INDEX "Message_conversationId_position_key" ON "Message"("conversationId", "position");
CREATE UNIQUE INDEX "Message_organizationId_externalId_key" ON "Message"("organizationId", "externalId");
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
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Feedback_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Feedback_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Feedback" ("conversationId", "createdAt", "dismissalReason", "feedbackType", "id", "messageId", "organizationId", "reason", "reasonKeys", "reviewedAt", "reviewedById", "revision", "status", "updatedAt", "userId") SELECT "conversationId", "createdAt", "dismissalReason", "feedbackType", "id", "messageId", "organizationId", "reason", "reasonKeys", "reviewedAt", "reviewedById", "revision", "status", "updatedAt", "userId" FROM "Feedback";
DROP TABLE "Feedback";
ALTER TABLE "new_Feedback" RENAME TO "Feedback";
CREATE INDEX "Feedback_userId_conversationId_idx" ON "Feedback"("userId", "conversationId");
CREATE INDEX "Feedback_organizationId_status_createdAt_idx" ON "Feedback"("organizationId", "status", "createdAt");
CREATE INDEX "Feedback_organizationId_feedbackType_createdAt_idx" ON "Feedback"("organizationId", "feedbackType", "createdAt");
CREATE INDEX "Feedback_organizationId_createdAt_idx" ON "Feedback"("organizationId", "createdAt");
CREATE INDEX "Feedback_messageId_idx" ON "Feedback"("messageId");
CREATE UNIQUE INDEX "Feedback_userId_messageId_key" ON "Feedback"("userId", "messageId");
CREATE TABLE "new_GoldenExample" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "feedbackId" TEXT,
    "sourceType" TEXT NOT NULL DEFAULT 'feedback',
    "approvalType" TEXT NOT NULL,
    "originalQuery" TEXT NOT NULL,
    "originalResponse" TEXT NOT NULL,
    "goldenResponse" TEXT NOT NULL,
    "context" JSONB NOT NULL,
    "createdById" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GoldenExample_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GoldenExample_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GoldenExample_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_GoldenExample" ("approvalType", "context", "createdAt", "createdById", "feedbackId", "goldenResponse", "id", "isActive", "organizationId", "originalQuery", "originalResponse", "sourceType", "updatedAt") SELECT "approvalType", "context", "createdAt", "createdById", "feedbackId", "goldenResponse", "id", "isActive", "organizationId", "originalQuery", "originalResponse", "sourceType", "updatedAt" FROM "GoldenExample";
DROP TABLE "GoldenExample";
ALTER TABLE "new_GoldenExample" RENAME TO "GoldenExample";
CREATE UNIQUE INDEX "GoldenExample_feedbackId_key" ON "GoldenExample"("feedbackId");
CREATE INDEX "GoldenExample_organizationId_isActive_createdAt_idx" ON "GoldenExample"("organizationId", "isActive", "createdAt");
CREATE TABLE "new_ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hashedKey" TEXT NOT NULL,
    "createdById" TEXT,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ApiKey" ("createdAt", "createdById", "hashedKey", "id", "lastUsedAt", "name", "organizationId", "prefix", "revokedAt") SELECT "createdAt", "createdById", "hashedKey", "id", "lastUsedAt", "name", "organizationId", "prefix", "revokedAt" FROM "ApiKey";
DROP TABLE "ApiKey";
ALTER TABLE "new_ApiKey" RENAME TO "ApiKey";
CREATE UNIQUE INDEX "ApiKey_hashedKey_key" ON "ApiKey"("hashedKey");
CREATE INDEX "ApiKey_organizationId_idx" ON "ApiKey"("organizationId");
CREATE TABLE "new_PersonalAccessToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hashedToken" TEXT NOT NULL,
    "lastUsedAt" DATETIME,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "PersonalAccessToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PersonalAccessToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PersonalAccessToken" ("createdAt", "expiresAt", "hashedToken", "id", "lastUsedAt", "name", "organizationId", "prefix", "revokedAt", "userId") SELECT "createdAt", "expiresAt", "hashedToken", "id", "lastUsedAt", "name", "organizationId", "prefix", "revokedAt", "userId" FROM "PersonalAccessToken";
DROP TABLE "PersonalAccessToken";
ALTER TABLE "new_PersonalAccessToken" RENAME TO "PersonalAccessToken";
CREATE UNIQUE INDEX "PersonalAccessToken_hashedToken_key" ON "PersonalAccessToken"("hashedToken");
CREATE INDEX "PersonalAccessToken_userId_idx" ON "PersonalAccessToken"("userId");
CREATE TABLE "new_AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorType" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "AuditLog_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditLog" ("action", "actorType", "actorUserId", "createdAt", "data", "id", "organizationId", "targetId", "targetType") SELECT "action", "actorType", "actorUserId", "createdAt", "data", "id", "organizationId", "targetId", "targetType" FROM "AuditLog";
DROP TABLE "AuditLog";
ALTER TABLE "new_AuditLog" RENAME TO "AuditLog";
CREATE INDEX "AuditLog_organizationId_createdAt_idx" ON "AuditLog"("organizationId", "createdAt");
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" DATETIME NOT NULL,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Job_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Job" ("attempts", "completedAt", "createdAt", "dedupeKey", "id", "lastError", "lockedBy", "lockedUntil", "maxAttempts", "organizationId", "payload", "runAt", "status", "type", "updatedAt") SELECT "attempts", "completedAt", "createdAt", "dedupeKey", "id", "lastError", "lockedBy", "lockedUntil", "maxAttempts", "organizationId", "payload", "runAt", "status", "type", "updatedAt" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");
CREATE INDEX "Job_status_completedAt_idx" ON "Job"("status", "completedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Every stored timestamp in the one form the app writes.
UPDATE "Organization" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "Organization" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "updatedAt") WHERE "updatedAt" IS NOT NULL;
UPDATE "User" SET "emailVerified" = strftime('%Y-%m-%dT%H:%M:%fZ', "emailVerified") WHERE "emailVerified" IS NOT NULL;
UPDATE "User" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "User" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "updatedAt") WHERE "updatedAt" IS NOT NULL;
UPDATE "Membership" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "Session" SET "expires" = strftime('%Y-%m-%dT%H:%M:%fZ', "expires") WHERE "expires" IS NOT NULL;
UPDATE "VerificationToken" SET "expires" = strftime('%Y-%m-%dT%H:%M:%fZ', "expires") WHERE "expires" IS NOT NULL;
UPDATE "Conversation" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "Conversation" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "updatedAt") WHERE "updatedAt" IS NOT NULL;
UPDATE "Message" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "Feedback" SET "reviewedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "reviewedAt") WHERE "reviewedAt" IS NOT NULL;
UPDATE "Feedback" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "Feedback" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "updatedAt") WHERE "updatedAt" IS NOT NULL;
UPDATE "GoldenExample" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "GoldenExample" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "updatedAt") WHERE "updatedAt" IS NOT NULL;
UPDATE "FeedbackSettings" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "updatedAt") WHERE "updatedAt" IS NOT NULL;
UPDATE "ApiKey" SET "lastUsedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "lastUsedAt") WHERE "lastUsedAt" IS NOT NULL;
UPDATE "ApiKey" SET "revokedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "revokedAt") WHERE "revokedAt" IS NOT NULL;
UPDATE "ApiKey" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "PersonalAccessToken" SET "lastUsedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "lastUsedAt") WHERE "lastUsedAt" IS NOT NULL;
UPDATE "PersonalAccessToken" SET "expiresAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "expiresAt") WHERE "expiresAt" IS NOT NULL;
UPDATE "PersonalAccessToken" SET "revokedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "revokedAt") WHERE "revokedAt" IS NOT NULL;
UPDATE "PersonalAccessToken" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "AuditLog" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "Job" SET "runAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "runAt") WHERE "runAt" IS NOT NULL;
UPDATE "Job" SET "lockedUntil" = strftime('%Y-%m-%dT%H:%M:%fZ', "lockedUntil") WHERE "lockedUntil" IS NOT NULL;
UPDATE "Job" SET "completedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "completedAt") WHERE "completedAt" IS NOT NULL;
UPDATE "Job" SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "createdAt") WHERE "createdAt" IS NOT NULL;
UPDATE "Job" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', "updatedAt") WHERE "updatedAt" IS NOT NULL;
