-- Scopes on API keys: keys made before scopes existed were ingestion keys and keep that scope.
-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "scopes" TEXT NOT NULL DEFAULT 'conversations:write';
