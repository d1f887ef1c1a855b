-- CreateIndex
CREATE INDEX "Feedback_organizationId_status_feedbackType_createdAt_idx" ON "Feedback"("organizationId", "status", "feedbackType", "createdAt");

