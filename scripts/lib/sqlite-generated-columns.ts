export interface GeneratedColumn {
  name: string;
  expression: string;
  /** Where the definition starts (its leading comma) and ends, in the CREATE statement. */
  start: number;
  end: number;
}

const GENERATED = " GENERATED ALWAYS AS (";

/**
 * The generated columns of a CREATE TABLE statement in SQLite's form:
 * `, "name" TYPE GENERATED ALWAYS AS (expression) [STORED|VIRTUAL]`, not as the first column.
 */
export function generatedColumns(createTable: string): GeneratedColumn[] {
  const columns: GeneratedColumn[] = [];
  for (let at = createTable.indexOf(GENERATED); at >= 0; at = createTable.indexOf(GENERATED, at + 1)) {
    const start = createTable.lastIndexOf(",", at);
    const open = at + GENERATED.length - 1;
    const close = closingParenthesis(createTable, open);
    const storage = /^\s+(STORED|VIRTUAL)\b/.exec(createTable.slice(close + 1));
    const name = /^\s*"([^"]+)"/.exec(createTable.slice(start + 1))?.[1] ?? "";
    columns.push({ name, expression: createTable.slice(open + 1, close), start, end: close + 1 + (storage?.[0].length ?? 0) });
  }
  return columns;
}

/**
 * A table's CREATE statement without its generated columns. Prisma cannot declare them, so a
 * SQLite migration adds them by hand (docs/database.md, "Generated columns"); they are the one
 * difference between the two scratch databases that is not drift.
 */
export function withoutGeneratedColumns(createTable: string): string {
  let sql = createTable;
  for (const column of generatedColumns(createTable).reverse()) sql = sql.slice(0, column.start) + sql.slice(column.end);
  return sql;
}

/** The index of the parenthesis closing the one at `open`, skipping string literals. */
function closingParenthesis(sql: string, open: number): number {
  let depth = 0;
  for (let index = open; index < sql.length; index++) {
    const char = sql[index];
    if (char === "'") {
      index = sql.indexOf("'", index + 1);
      if (index < 0) break;
    } else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return index;
  }
  throw new Error(`Unbalanced generated column expression in: ${sql}`);
}
