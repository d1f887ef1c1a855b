// `npm run db:check`: fails when the database definitions drift apart.
//  1. prisma/sqlite and prisma/postgres must declare identical models (only generator/datasource differ).
//  2. For each provider, the committed migrations must produce exactly the schema the models describe:
//     the migrations and a fresh `migrate diff --from-empty` script are applied to two scratch
//     databases and their catalogs compared. (Prisma's own drift check needs a shadow database,
//     which the JS schema engine cannot use here.) PostgreSQL is checked when TEST_POSTGRES_URL is set.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { resolveDatabaseConfig, schemaDirectory, type DatabaseProvider } from "@/prisma/database-url";
import { createDriverAdapter } from "@/prisma/driver-adapter";
import { SEARCHED_TEXT } from "@/server/db/text-search";
import { deployMigrations, runPrisma } from "./lib/prisma-cli";
import { createScratchPostgresDatabase } from "./lib/scratch-postgres";

const MODELS_MARKER = "// ---- models";

/**
 * Indexes of a kind SQLite does not have (GIN) are declared in the PostgreSQL schema only, each
 * marked by a "// PostgreSQL only" comment on the line before; they are left out of the comparison.
 */
function withoutPostgresOnlyIndexes(section: string): string {
  const lines = section.split("\n");
  return lines.filter((line, index) => !/type:\s*Gin\b/.test(line) && !(/\/\/ PostgreSQL only\b/.test(line) && /type:\s*Gin\b/.test(lines[index + 1] ?? ""))).join("\n");
}

function modelSection(provider: DatabaseProvider): string {
  const text = readFileSync(`${schemaDirectory(provider)}/schema.prisma`, "utf8");
  const start = text.indexOf(MODELS_MARKER);
  if (start < 0) throw new Error(`${schemaDirectory(provider)}/schema.prisma lacks the "${MODELS_MARKER}" marker`);
  const section = text.slice(start);
  return provider === "postgresql" ? withoutPostgresOnlyIndexes(section) : section;
}

async function queryRows(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const adapter = await createDriverAdapter(resolveDatabaseConfig(url)).connect();
  try {
    const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
    return result.rows.map((values) => Object.fromEntries(result.columnNames.map((column, index) => [column, values[index]])));
  } finally {
    await adapter.dispose();
  }
}

async function executeScript(url: string, script: string): Promise<void> {
  const adapter = await createDriverAdapter(resolveDatabaseConfig(url)).connect();
  try {
    await adapter.executeScript(script);
  } finally {
    await adapter.dispose();
  }
}

const CATALOG_QUERIES: Record<DatabaseProvider, string> = {
  sqlite: `SELECT type, name, tbl_name, sql FROM sqlite_master
           WHERE name NOT LIKE '_prisma_migrations%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name`,
  postgresql: `SELECT 'column' AS kind, table_name || '.' || column_name AS name,
                      data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS definition
                 FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
               UNION ALL
               SELECT 'index', indexname, indexdef FROM pg_indexes
                 WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
               UNION ALL
               SELECT 'constraint', conname, pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace AND conrelid NOT IN (SELECT oid FROM pg_class WHERE relname = '_prisma_migrations')
               UNION ALL
               SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                 FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
               ORDER BY 1, 2`,
};

/** The `CREATE EXTENSION` statements of a provider's migrations. */
function extensionsOf(provider: DatabaseProvider): string[] {
  const directory = `${schemaDirectory(provider)}/migrations`;
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readFileSync(path.join(directory, entry.name, "migration.sql"), "utf8").match(/^CREATE EXTENSION[^;]*;/gim) ?? []);
}

type CatalogRow = Record<string, unknown> & { name: string };

/** SQLite's search index (server/db/text-search.ts): the FTS5 tables, their shadow tables and triggers. */
function isSearchObject(row: CatalogRow): boolean {
  return Object.values(SEARCHED_TEXT).some(({ index }) => row.name === index || row.name.startsWith(`${index}_`));
}

/**
 * The migrations must leave each FTS5 table and its three triggers in place: a table rebuild in a
 * later migration drops the triggers with the old table.
 */
function missingSearchObjects(rows: CatalogRow[]): string[] {
  const names = new Set(rows.map((row) => row.name));
  return Object.entries(SEARCHED_TEXT).flatMap(([table, { index }]) => {
    const expected = [index, `${index}_insert`, `${index}_delete`, `${index}_update`];
    return expected.filter((name) => !names.has(name)).map((name) => `${name} (the search index of ${table})`);
  });
}

async function catalogOf(provider: DatabaseProvider, url: string): Promise<CatalogRow[]> {
  return (await queryRows(url, CATALOG_QUERIES[provider])) as CatalogRow[];
}

function printable(rows: CatalogRow[]): string {
  return JSON.stringify(rows, null, 1);
}

async function checkMigrations(provider: DatabaseProvider, scratchUrl: () => Promise<{ url: string; drop: () => Promise<void> }>) {
  const fromMigrations = await scratchUrl();
  const fromModels = await scratchUrl();
  try {
    deployMigrations(fromMigrations.url, { quiet: true });
    const script = runPrisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", `${schemaDirectory(provider)}/schema.prisma`, "--script"],
      fromModels.url,
      { quiet: true },
    );
    // The schema cannot create the extensions its indexes need; the migrations do (pg_trgm).
    await executeScript(fromModels.url, [...extensionsOf(provider), script].join("\n"));
    const expected = printable(await catalogOf(provider, fromModels.url));
    const migrated = await catalogOf(provider, fromMigrations.url);
    if (provider === "sqlite") {
      const missing = missingSearchObjects(migrated);
      if (missing.length > 0) {
        throw new Error(
          `sqlite: after the migrations, ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing. A table rebuild drops ` +
            "its triggers: create them again and run the FTS5 'rebuild' in that migration (see docs/database.md).",
        );
      }
    }
    const actual = printable(provider === "sqlite" ? migrated.filter((row) => !isSearchObject(row)) : migrated);
    if (expected !== actual) {
      throw new Error(
        `${provider}: the migrations in ${schemaDirectory(provider)}/migrations do not match schema.prisma. ` +
          "Create a migration for the change (see docs/database.md).",
      );
    }
    console.log(`✓ ${provider}: migrations match the schema`);
  } finally {
    await fromMigrations.drop();
    await fromModels.drop();
  }
}

if (modelSection("sqlite") !== modelSection("postgresql")) {
  console.error("✗ prisma/sqlite/schema.prisma and prisma/postgres/schema.prisma declare different models.");
  process.exit(1);
}
console.log("✓ SQLite and PostgreSQL schemas declare identical models");

const scratchDir = mkdtempSync(path.join(tmpdir(), "feedback-kit-drift-"));
let scratchCount = 0;
try {
  await checkMigrations("sqlite", async () => {
    const file = path.join(scratchDir, `scratch-${scratchCount++}.db`);
    return { url: `file:${file}`, drop: async () => rmSync(file, { force: true }) };
  });
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  if (postgresUrl) {
    await checkMigrations("postgresql", () => createScratchPostgresDatabase(postgresUrl, "fk_drift"));
  } else {
    console.log("- postgresql: skipped (set TEST_POSTGRES_URL to check it)");
  }
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratchDir, { recursive: true, force: true });
}
