import "server-only";
import { resolveDatabaseConfig, type DatabaseConfig } from "@/prisma/database-url";
import { createDriverAdapter } from "@/prisma/driver-adapter";
import { PrismaClient as SqliteClient, type Prisma } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

/**
 * Both generated clients are built from identical models (checked by `npm run db:check`), so the
 * SQLite client's type describes either one. Domain code is written against this type.
 */
export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
/** Anything that can run queries: the client itself or an open transaction. */
export type Queryable = Db | Tx;

export function createPrismaClient(database: DatabaseConfig): Db {
  const adapter = createDriverAdapter(database);
  if (database.provider === "postgresql") {
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  return new SqliteClient({ adapter });
}

const globalForDb = globalThis as unknown as { feedbackKitDb?: { client: Db; provider: DatabaseConfig["provider"] } };

/** The process-wide client for the configured DATABASE_URL (survives dev-server reloads). */
export function getDb(): Db {
  globalForDb.feedbackKitDb ??= (() => {
    const database = resolveDatabaseConfig();
    return { client: createPrismaClient(database), provider: database.provider };
  })();
  return globalForDb.feedbackKitDb.client;
}

export function getDatabaseProvider(): DatabaseConfig["provider"] {
  getDb();
  return globalForDb.feedbackKitDb!.provider;
}
