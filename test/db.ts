// Small query helpers for test assertions.
import type { SelectQueryBuilder } from "kysely";
import type { DB } from "@/server/db/generated/database";

/** How many rows the query matches. */
export async function countOf<TB extends keyof DB>(query: SelectQueryBuilder<DB, TB, object>): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll().as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}
