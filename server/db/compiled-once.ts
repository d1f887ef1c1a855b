import "server-only";
import type { CompiledQuery, Compilable, QueryResult } from "kysely";
import { dialectOf, type Queryable } from "./database";

type Slot = { arg: string } | { value: unknown };

interface Template {
  query: CompiledQuery;
  slots: Slot[];
}

/**
 * A statement whose shape never changes, built and compiled by Kysely once per dialect; each call
 * then only binds its values. Kysely builds and compiles a query on every call, which on the hot
 * path cost as much as running it. `build` must use its arguments only as bound values, never to
 * decide the statement's shape: it is called once, with placeholders.
 */
export function compiledOnce<Args extends Record<string, unknown>, Row>(build: (db: Queryable, args: Args) => Compilable<Row>) {
  const templates = new Map<string, Template>();

  function templateFor(db: Queryable, args: Args): Template {
    const dialect = dialectOf(db);
    let template = templates.get(dialect);
    if (!template) {
      const placeholders = Object.fromEntries(Object.keys(args).map((name) => [name, `\u0000placeholder:${name}\u0000`])) as Args;
      const byPlaceholder = new Map(Object.entries(placeholders).map(([name, placeholder]) => [placeholder as unknown, name]));
      const query = build(db, placeholders).compile();
      const slots = query.parameters.map((value): Slot => (byPlaceholder.has(value) ? { arg: byPlaceholder.get(value)! } : { value }));
      const bound = new Set(slots.flatMap((slot) => ("arg" in slot ? [slot.arg] : [])));
      const unbound = Object.keys(args).filter((name) => !bound.has(name));
      if (unbound.length > 0) throw new Error(`compiledOnce: ${unbound.join(", ")} must be bound values of the statement`);
      template = { query, slots };
      templates.set(dialect, template);
    }
    return template;
  }

  return async (db: Queryable, args: Args): Promise<QueryResult<Row>> => {
    const { query, slots } = templateFor(db, args);
    const parameters = slots.map((slot) => ("arg" in slot ? args[slot.arg] : slot.value));
    return db.executeQuery({ ...query, parameters } as CompiledQuery<Row>);
  };
}
