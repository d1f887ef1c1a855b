// Resolves DATABASE_URL into the provider and connection details. Shared by prisma.config.ts,
// the scripts and the server, so every entry point agrees on which database it talks to.
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** The URL as Prisma's CLI expects it (absolute path for SQLite). */
  url: string;
  /** Absolute path of the SQLite file; undefined for PostgreSQL. */
  sqliteFile?: string;
}

export const DEFAULT_DATABASE_URL = "file:./.data/feedback-kit.db";

export function resolveDatabaseConfig(
  rawUrl: string | undefined = process.env.DATABASE_URL,
  cwd: string = process.cwd(),
): DatabaseConfig {
  const url = rawUrl?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgresql", url };
  if (url.startsWith("file:")) {
    const location = url.slice("file:".length).replace(/^\/\//, "").split("?")[0];
    if (!location) throw new Error(`DATABASE_URL "${url}" names no SQLite file`);
    const sqliteFile = path.resolve(cwd, location);
    return { provider: "sqlite", url: `file:${sqliteFile}`, sqliteFile };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgres://"/"postgresql://" (PostgreSQL); got "${url}"`,
  );
}

export function schemaDirectory(provider: DatabaseProvider): string {
  return provider === "postgresql" ? "prisma/postgres" : "prisma/sqlite";
}
