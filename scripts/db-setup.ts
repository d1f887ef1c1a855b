// `npm run db:setup`: applies migrations to DATABASE_URL (default: the embedded SQLite file) and
// seeds the demo organizations. Safe to run any number of times.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { resolveDatabaseConfig } from "@/prisma/database-url";
import { seedDemoData } from "@/prisma/seed";
import { createDatabase } from "@/server/db/database";
import { deployMigrations } from "./lib/prisma-cli";

const database = resolveDatabaseConfig();
if (database.sqliteFile) mkdirSync(path.dirname(database.sqliteFile), { recursive: true });

console.log(`Database: ${database.provider === "sqlite" ? database.sqliteFile : "PostgreSQL"}`);
deployMigrations(database.url, { quiet: true });
console.log("Migrations applied.");

// SQLite connections switch the file to WAL when they open (server/db/sqlite-database.ts).
const db = createDatabase(database);
try {
  if (process.env.SEED_DEMO_DATA !== "false") {
    await seedDemoData(db);
    console.log("Demo data seeded (organizations demo and other; sign in as member@demo.test, reviewer@demo.test, admin@demo.test).");
  }
} finally {
  await db.destroy();
}
