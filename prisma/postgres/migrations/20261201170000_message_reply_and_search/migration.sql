-- Trigram indexes let the searches (ILIKE '%text%') find text in messages, reasons and golden
-- examples without reading every row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "replyToId" TEXT;

-- CreateIndex
CREATE INDEX "Message_replyToId_idx" ON "Message"("replyToId");

-- CreateIndex
CREATE INDEX "Message_content_idx" ON "Message" USING GIN ("content" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Feedback_reason_idx" ON "Feedback" USING GIN ("reason" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "GoldenExample_originalQuery_idx" ON "GoldenExample" USING GIN ("originalQuery" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "GoldenExample_originalResponse_idx" ON "GoldenExample" USING GIN ("originalResponse" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "GoldenExample_goldenResponse_idx" ON "GoldenExample" USING GIN ("goldenResponse" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every assistant message answers the last user message before it.
UPDATE "Message" SET "replyToId" = (
  SELECT q."id" FROM "Message" q
   WHERE q."conversationId" = "Message"."conversationId" AND q."role" = 'user' AND q."position" < "Message"."position"
   ORDER BY q."position" DESC LIMIT 1
) WHERE "role" = 'assistant';
