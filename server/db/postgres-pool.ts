import "server-only";
import { createHash } from "node:crypto";
import { PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from "kysely";
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

/** Statements PostgreSQL can keep prepared; transaction control and the like run as they are. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const STATEMENT_NAMES_KEPT = 1000;

/**
 * Runs every data statement as a named prepared statement, so each connection parses and plans a
 * statement once instead of on every call (the app sends a few dozen distinct statements; Kysely
 * binds every value as a parameter). The name is a hash of the SQL text.
 */
class PreparingPool implements PostgresPool {
  private readonly clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  private readonly names = new Map<string, string>();

  constructor(private readonly pool: pg.Pool) {}

  private nameOf(sql: string): string {
    let name = this.names.get(sql);
    if (!name) {
      name = `fk_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
      if (this.names.size >= STATEMENT_NAMES_KEPT) this.names.delete(this.names.keys().next().value!);
      this.names.set(sql, name);
    }
    return name;
  }

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    let wrapped = this.clients.get(client);
    if (!wrapped) {
      // One wrapper per pooled client: Kysely keeps its connection state per client object.
      wrapped = {
        // pg's callback form, not the promise it returns without one: through that promise every
        // result outlived the young generation's collections, so an export's rows were all promoted
        // and the heap grew with the export until a full collection (docs/architecture.md,
        // "Export"); through the callback they die young.
        query: <R>(sql: string, parameters: ReadonlyArray<unknown>) =>
          new Promise<PostgresQueryResult<R>>((resolve, reject) => {
            const config: pg.QueryConfig = PREPARABLE.test(sql) ? { name: this.nameOf(sql), text: sql, values: [...parameters] } : { text: sql, values: [...parameters] };
            client.query(config, (error: Error | null, result: pg.QueryResult) => (error ? reject(error) : resolve(result as unknown as PostgresQueryResult<R>)));
          }),
        release: (destroy?: boolean) => client.release(destroy),
      } as PostgresPoolClient;
      this.clients.set(client, wrapped);
    }
    return wrapped;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

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
  return new PostgresDialect({ pool: new PreparingPool(pool) });
}
