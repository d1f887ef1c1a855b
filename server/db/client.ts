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

// On globalThis: Next.js may load this module more than once (per bundle), and a client made by
// one copy must still be recognised by another.
const globalForDb = globalThis as unknown as { feedbackKitDb?: Db; feedbackKitDbConfigs?: WeakMap<Db, DatabaseConfig> };
const configs = (globalForDb.feedbackKitDbConfigs ??= new WeakMap<Db, DatabaseConfig>());

export function createPrismaClient(database: DatabaseConfig): Db {
  const adapter = createDriverAdapter(database);
  const client = database.provider === "postgresql" ? (new PostgresClient({ adapter }) as unknown as Db) : new SqliteClient({ adapter });
  configs.set(client, database);
  return client;
}

/** The database a client was created for. */
export function getDatabaseConfig(db: Db): DatabaseConfig {
  const config = configs.get(db);
  if (!config) throw new Error("This client was not created by createPrismaClient");
  return config;
}

/** The process-wide client for the configured DATABASE_URL (survives dev-server reloads). */
export function getDb(): Db {
  globalForDb.feedbackKitDb ??= createPrismaClient(resolveDatabaseConfig());
  return globalForDb.feedbackKitDb;
}

export function getDatabaseProvider(): DatabaseConfig["provider"] {
  return getDatabaseConfig(getDb()).provider;
}
