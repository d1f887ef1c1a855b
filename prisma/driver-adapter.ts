// The one place that turns a DatabaseConfig into a Prisma driver adapter (CLI, app and tests).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseConfig } from "./database-url";

export function createDriverAdapter(database: DatabaseConfig) {
  if (database.provider === "postgresql") {
    // allowExitOnIdle: idle pooled connections must not keep CLI runs and scripts alive.
    return new PrismaPg({ connectionString: database.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), allowExitOnIdle: true });
  }
  // better-sqlite3 waits this long for a write lock instead of failing with SQLITE_BUSY.
  return new PrismaBetterSQLite3({ url: database.url, timeout: 10_000 }, { shadowDatabaseUrl: ":memory:" });
}
