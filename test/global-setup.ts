// Gives every test run a database of its own with all migrations applied:
// project "unit" → a temporary SQLite file; project "postgres" → a fresh PostgreSQL database
// next to TEST_POSTGRES_URL. Both are removed when the run ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "../scripts/lib/prisma-cli";
import { createScratchPostgresDatabase } from "../scripts/lib/scratch-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

async function createTestDatabase(provider: "sqlite" | "postgresql") {
  if (provider === "postgresql") {
    const baseUrl = process.env.TEST_POSTGRES_URL;
    if (!baseUrl) throw new Error("The postgres test project needs TEST_POSTGRES_URL");
    return createScratchPostgresDatabase(baseUrl, "fk_test");
  }
  const directory = mkdtempSync(path.join(tmpdir(), "feedback-kit-test-"));
  const url = `file:${path.join(directory, "test.db")}`;
  return { url, drop: async () => rmSync(directory, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject) {
  const provider = project.name === "postgres" ? "postgresql" : "sqlite";
  const database = await createTestDatabase(provider);
  // Test files run in parallel processes against one database; on SQLite every connection opens it
  // in WAL mode, so readers and the one writer coexist.
  deployMigrations(database.url, { quiet: true });
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
