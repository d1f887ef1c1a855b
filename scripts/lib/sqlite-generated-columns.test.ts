import { describe, expect, it } from "vitest";
import { generatedColumns, withoutGeneratedColumns } from "./sqlite-generated-columns";

describe("withoutGeneratedColumns", () => {
  it("removes stored and virtual generated columns, nested parentheses and quoted ')' included", () => {
    const sql = `CREATE TABLE "T" (
    "a" TEXT NOT NULL,
    "j" TEXT GENERATED ALWAYS AS (json_object('a', "a", 'b', substr("a", 1, 2) || ')')) STORED,
    "v" INTEGER GENERATED ALWAYS AS (length("a")) VIRTUAL,
    CONSTRAINT "T_fkey" FOREIGN KEY ("a") REFERENCES "U" ("id")
)`;
    expect(withoutGeneratedColumns(sql)).toBe(`CREATE TABLE "T" (
    "a" TEXT NOT NULL,
    CONSTRAINT "T_fkey" FOREIGN KEY ("a") REFERENCES "U" ("id")
)`);
  });

  it("reads each generated column's name and expression", () => {
    const sql = `CREATE TABLE "T" ("a" TEXT, "j" TEXT GENERATED ALWAYS AS (json_object('a', "a")) STORED, "n" INTEGER GENERATED ALWAYS AS (length("a")))`;
    expect(generatedColumns(sql).map(({ name, expression }) => ({ name, expression }))).toEqual([
      { name: "j", expression: `json_object('a', "a")` },
      { name: "n", expression: `length("a")` },
    ]);
  });

  it("leaves a table without generated columns as it is", () => {
    const sql = `CREATE TABLE "T" ("a" TEXT NOT NULL, "b" TEXT DEFAULT 'GENERATED')`;
    expect(withoutGeneratedColumns(sql)).toBe(sql);
  });

  it("refuses an expression whose parentheses do not close", () => {
    expect(() => withoutGeneratedColumns(`CREATE TABLE "T" ("a" TEXT, "j" TEXT GENERATED ALWAYS AS (length("a" STORED`)).toThrow(
      /Unbalanced/,
    );
  });
});
