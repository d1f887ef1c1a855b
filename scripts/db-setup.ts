// `npm run db:setup`: applies migrations to DATABASE_URL (default: the embedded SQLite file) and
// seeds the demo organizations. Safe to run any number of times.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { resolveDatabaseConfig } from "@/prisma/database-url";
import { seedDemoData } from "@/prisma/seed";
import { createPrismaClient } from "@/server/db/client";
import { deployMigrations } from "./lib/prisma-cli";

const database = resolveDatabaseConfig();
if (database.sqliteFile) mkdirSync(path.dirname(database.sqliteFile), { recursive: true });

console.log(`Database: ${database.provider === "sqlite" ? database.sqliteFile : "PostgreSQL"}`);
deployMigrations(database.url, { quiet: true });
console.log("Migrations applied.");

const db = createPrismaClient(database);
try {
  if (database.provider === "sqlite") {
    // WAL is a property of the file: readers never block the writer.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  }
  if (process.env.SEED_DEMO_DATA !== "false") {
    await seedDemoData(db);
    console.log("Demo data seeded (organizations demo and other; sign in as member@demo.test, reviewer@demo.test, admin@demo.test).");
  }
} finally {
  await db.$disconnect();
}
