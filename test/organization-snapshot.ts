// Everything stored for one organization, to check that a request changed nothing: every row of
// every table with an organizationId column (found by introspection, so new tables are covered
// without a change here) and the organization's users.
import { sql } from "kysely";
import type { Db } from "@/server/db/database";

/** Bookkeeping that authenticating a request may update (e.g. an API key's last use). */
const VOLATILE_COLUMNS = new Set(["lastUsedAt"]);

let scopedTables: Promise<Array<{ name: string; orderBy: string }>> | undefined;

function tablesWithOrganization(db: Db) {
  scopedTables ??= db.introspection.getTables().then((tables) =>
    tables
      .filter((table) => !table.isView && table.columns.some((column) => column.name === "organizationId"))
      .map((table) => ({ name: table.name, orderBy: table.columns.some((column) => column.name === "id") ? "id" : "organizationId" }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
  return scopedTables;
}

function withoutVolatile(row: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !VOLATILE_COLUMNS.has(column)));
}

export type OrganizationSnapshot = Record<string, unknown[]>;

export async function organizationSnapshot(db: Db, organizationId: string): Promise<OrganizationSnapshot> {
  const tables = await tablesWithOrganization(db);
  const read = async (name: string, orderBy: string) => {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)} where ${sql.ref("organizationId")} = ${organizationId} order by ${sql.ref(orderBy)}`.execute(db);
    return [name, rows.map(withoutVolatile)] as const;
  };
  const users = sql<Record<string, unknown>>`select u.* from ${sql.table("User")} u join ${sql.table("Membership")} m on ${sql.ref("m.userId")} = ${sql.ref("u.id")} where ${sql.ref("m.organizationId")} = ${organizationId} order by ${sql.ref("u.id")}`
    .execute(db)
    .then(({ rows }) => ["User", rows.map(withoutVolatile)] as const);
  const organization = sql<Record<string, unknown>>`select * from ${sql.table("Organization")} where ${sql.ref("id")} = ${organizationId}`
    .execute(db)
    .then(({ rows }) => ["Organization", rows] as const);
  return Object.fromEntries(await Promise.all([...tables.map(({ name, orderBy }) => read(name, orderBy)), users, organization]));
}
