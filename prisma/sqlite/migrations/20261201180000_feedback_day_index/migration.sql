-- The daily series counts votes per day and type from the index alone.
-- DropIndex
DROP INDEX "Feedback_organizationId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Feedback_organizationId_createdAt_feedbackType_idx" ON "Feedback"("organizationId", "createdAt", "feedbackType");
