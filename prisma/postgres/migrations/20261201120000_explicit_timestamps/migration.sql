-- AlterTable
ALTER TABLE "Organization" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Membership" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Conversation" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Message" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Feedback" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "GoldenExample" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "ApiKey" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "PersonalAccessToken" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "AuditLog" ALTER COLUMN "createdAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Job" ALTER COLUMN "runAt" DROP DEFAULT,
ALTER COLUMN "createdAt" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "Job_status_completedAt_idx" ON "Job"("status", "completedAt");

