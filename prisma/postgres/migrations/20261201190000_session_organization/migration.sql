-- Sessions become real (one row per sign-in) and carry their organization. The table was never
-- written before (the JWT strategy ignored it), so any row is dropped rather than guessed.
DELETE FROM "Session";

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "organizationId" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "Session_organizationId_idx" ON "Session"("organizationId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
