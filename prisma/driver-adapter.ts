// The one place that turns a DatabaseConfig into a Prisma driver adapter (CLI, app and tests).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseConfig } from "./database-url";

/**
 * Per-connection SQLite settings. WAL lets readers run beside the writer. synchronous=NORMAL
 * (the SQLite default would fsync every commit) keeps every committed transaction through a
 * process crash or restart; only an operating-system crash or power loss can drop the last
 * commits, whole. SQLITE_SYNCHRONOUS=FULL trades throughput for that too (docs/architecture.md).
 */
export function sqlitePragmas(): string {
  const synchronous = process.env.SQLITE_SYNCHRONOUS === "FULL" ? "FULL" : "NORMAL";
  return `PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA foreign_keys = ON;`;
}

/** Runs the pragmas on every connection Prisma opens. */
class SqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName: string;

  constructor(private readonly inner: PrismaBetterSQLite3) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    await adapter.executeScript(sqlitePragmas());
    return adapter;
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.inner.connectToShadowDb();
  }
}

export function createDriverAdapter(database: DatabaseConfig): SqlMigrationAwareDriverAdapterFactory {
  if (database.provider === "postgresql") {
    // allowExitOnIdle: idle pooled connections must not keep CLI runs and scripts alive.
    return new PrismaPg({ connectionString: database.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), allowExitOnIdle: true });
  }
  // better-sqlite3 waits this long for a write lock instead of failing with SQLITE_BUSY.
  return new SqliteAdapterFactory(new PrismaBetterSQLite3({ url: database.url, timeout: 10_000 }, { shadowDatabaseUrl: ":memory:" }));
}
