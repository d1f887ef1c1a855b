-- Feedback.conversationId: a conversation's votes become one index range (userId, conversationId).
-- AlterTable (nullable first, backfilled from each vote's message, then required)
ALTER TABLE "Feedback" ADD COLUMN "conversationId" TEXT;
UPDATE "Feedback" f SET "conversationId" = m."conversationId" FROM "Message" m WHERE m."id" = f."messageId";
ALTER TABLE "Feedback" ALTER COLUMN "conversationId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Feedback_userId_conversationId_idx" ON "Feedback"("userId", "conversationId");

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
