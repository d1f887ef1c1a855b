import "server-only";
import { PostgresDialect } from "kysely";
import pg from "pg";

/*
 * PostgreSQL as Kysely sees it: one pool per process, and PostgreSQL's types turned into the
 * values the rest of the app works with, the same ones the SQLite connection produces
 * (server/db/sqlite-database.ts). Prisma's schema stores DateTime as `timestamp(3)` (UTC, no
 * zone), read here as the ISO-8601 text SQLite stores; counts (int8) read as numbers.
 */

const { builtins } = pg.types;

/** "2026-12-01 19:08:40.12" (PostgreSQL drops trailing zeros) → "2026-12-01T19:08:40.120Z". */
export function isoFromTimestamp(text: string): string {
  const dot = text.indexOf(".", 19);
  const fraction = dot < 0 ? "000" : text.slice(dot + 1, dot + 4).padEnd(3, "0");
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction}Z`;
}

const parsers: Partial<Record<number, (text: string) => unknown>> = {
  [builtins.TIMESTAMP]: isoFromTimestamp,
  [builtins.INT8]: Number,
};

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    return parsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function createPostgresDialect(url: string): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    types,
    // Timestamps carry no zone: every session works in UTC, whatever the server's default.
    options: "-c TimeZone=UTC",
    // Idle connections must not keep scripts and test processes alive.
    allowExitOnIdle: true,
  });
  return new PostgresDialect({ pool });
}
