import "server-only";
import Database from "better-sqlite3";
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDatabase, type SqliteStatement } from "kysely";
import { sqlitePragmas } from "@/prisma/driver-adapter";

/*
 * The embedded database as Kysely sees it: one better-sqlite3 connection per process (Kysely's
 * SQLite driver hands it to one query or transaction at a time), prepared statements kept per SQL
 * text, and SQLite's storage classes turned into the values the rest of the app works with, the
 * same ones the PostgreSQL pool produces (server/db/postgres-pool.ts): a BOOLEAN column reads as
 * true/false, a JSONB column as its parsed value, DATETIME as the ISO-8601 text it is stored as.
 * Which conversion a column gets comes from the type the migration declared for it, that is
 * from the Prisma schema.
 */

type Convert = (value: unknown) => unknown;

const CONVERSIONS: Record<string, Convert> = {
  BOOLEAN: (value) => (value === null ? null : value !== 0),
  JSONB: (value) => (typeof value === "string" ? JSON.parse(value) : value),
};

/** Most distinct statements kept prepared; an app has a few hundred, this bounds ad hoc SQL. */
const STATEMENT_CACHE_SIZE = 500;

class ConvertingStatement implements SqliteStatement {
  readonly reader: boolean;
  /** A reader's result columns and the conversion each needs (undefined: none), in column order. */
  private readonly columns: string[] = [];
  private readonly conversions: Array<Convert | undefined> = [];

  constructor(private readonly statement: Database.Statement) {
    this.reader = statement.reader;
    if (!this.reader) return;
    // Rows come back as arrays and become objects here, in the same pass as their conversions:
    // cheaper than better-sqlite3 building each object itself.
    statement.raw(true);
    for (const column of statement.columns()) {
      this.columns.push(column.name);
      this.conversions.push(column.type ? CONVERSIONS[column.type.toUpperCase()] : undefined);
    }
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    const rows = this.statement.all(bindable(parameters)) as unknown[][];
    return rows.map((values) => this.toObject(values));
  }

  run(parameters: ReadonlyArray<unknown>) {
    return this.statement.run(bindable(parameters));
  }

  *iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    for (const values of this.statement.iterate(bindable(parameters)) as IterableIterator<unknown[]>) yield this.toObject(values);
  }

  private toObject(values: unknown[]): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (let index = 0; index < this.columns.length; index++) {
      const convert = this.conversions[index];
      row[this.columns[index]!] = convert ? convert(values[index]) : values[index];
    }
    return row;
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; a boolean is stored as 0/1. */
function bindable(parameters: ReadonlyArray<unknown>): unknown[] {
  return parameters.map((value) => (typeof value === "boolean" ? (value ? 1 : 0) : value));
}

class StatementCache implements SqliteDatabase {
  private readonly statements = new Map<string, ConvertingStatement>();

  constructor(readonly connection: Database.Database) {}

  prepare(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Re-inserted: the map's order is least recently used first.
      this.statements.delete(sql);
    } else {
      statement = new ConvertingStatement(this.connection.prepare(sql));
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  close(): void {
    this.connection.close();
  }
}

/**
 * Write transactions take the write lock when they begin: a transaction that read first and only
 * then asked for the lock could find another process had written meanwhile and fail (SQLITE_BUSY)
 * instead of waiting its turn.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateTransactionDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database });
  }

  override createDriver(): SqliteDriver {
    return new ImmediateTransactionDriver({ database: this.database });
  }
}

/**
 * Opens the SQLite file. Other processes (a second app instance, a script, parallel test files)
 * may hold the write lock for a moment: the connection waits for it, which blocks only this
 * process, never a lock holder inside it (there is one connection per process).
 */
export function createSqliteDialect(file: string): SqliteDialect {
  const connection = new Database(file, { timeout: 10_000 });
  connection.exec(sqlitePragmas());
  return new ImmediateTransactionDialect(new StatementCache(connection));
}
