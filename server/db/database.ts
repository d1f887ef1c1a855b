import "server-only";
import { Kysely, PostgresAdapter, type LogConfig, type Transaction } from "kysely";
import { resolveDatabaseConfig, type DatabaseConfig, type DatabaseProvider } from "@/prisma/database-url";
import type { DB } from "./generated/database";
import { createPostgresDialect } from "./postgres-pool";
import { createSqliteDialect } from "./sqlite-database";

/**
 * The one database handle of a process: every runtime query goes through it, on SQLite and
 * PostgreSQL alike. Prisma owns the schema, the migrations and (through prisma-kysely) the table
 * types in ./generated; Kysely runs the queries on one connection pool (docs/architecture.md,
 * "One data layer").
 */
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Anything that runs queries: the handle itself or an open transaction. */
export type Queryable = Db | Tx;

/** A handle for the database; `log` sees every statement (the benchmarks use it to explain the plans). */
export function createDatabase(config: DatabaseConfig, options: { log?: LogConfig } = {}): Db {
  const dialect = config.provider === "postgresql" ? createPostgresDialect(config.url) : createSqliteDialect(config.sqliteFile!);
  return new Kysely<DB>({ dialect, log: options.log });
}

/** Which SQL dialect a handle speaks, for the few statements that need a provider's own fragment. */
export function dialectOf(db: Queryable): DatabaseProvider {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgresql" : "sqlite";
}

/** Runs fn in a transaction, or inside the caller's when it already has one. */
export function inTransaction<T>(db: Queryable, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Tx) : db.transaction().execute(fn);
}

// On globalThis: Next.js may load this module more than once (one copy per bundle), and they must
// share one pool.
const globalForDb = globalThis as unknown as { feedbackKitDb?: Db };

/** The process-wide handle for DATABASE_URL (survives dev-server reloads). */
export function getDb(): Db {
  globalForDb.feedbackKitDb ??= createDatabase(resolveDatabaseConfig());
  return globalForDb.feedbackKitDb;
}

export function getDatabaseProvider(): DatabaseProvider {
  return dialectOf(getDb());
}
