// Turns the endpoint contracts' zod schemas into JSON Schema 2020-12 through one zod registry, so
// every schema carrying `.meta({ id })` becomes a single shared component referenced by `$ref`.
import { z } from "zod";

export type JsonSchema = z.core.JSONSchema.JSONSchema;
export type SchemaIo = "input" | "output";

type AnySchema = z.core.$ZodType;

const COMPONENT_PREFIX = "#/components/schemas/";
/** Registry ids for top-level schemas without a meta id: they are inlined, never components. */
const INLINE_PREFIX = "__inline_";
/** Where zod puts nested schemas that are not in the registry it converts. */
const SHARED_KEY = "__shared";
const IOS: readonly SchemaIo[] = ["input", "output"];

export const componentRef = (name: string): string => COMPONENT_PREFIX + name;

export function componentName(ref: string): string | undefined {
  return ref.startsWith(COMPONENT_PREFIX) ? ref.slice(COMPONENT_PREFIX.length) : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Calls `visit` on every object of a JSON value that carries a `$ref`. */
export function forEachRef(value: unknown, visit: (node: Record<string, unknown>, ref: string) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) forEachRef(item, visit);
    return;
  }
  if (!isRecord(value)) return;
  if (typeof value.$ref === "string") visit(value, value.$ref);
  for (const key of Object.keys(value)) forEachRef(value[key], visit);
}

function refNames(value: unknown): string[] {
  const names: string[] = [];
  forEachRef(value, (_node, ref) => {
    const name = componentName(ref);
    if (name !== undefined) names.push(name);
  });
  return names;
}

const clone = <T>(value: T): T => structuredClone(value);

export interface SchemaComponents {
  /** A `$ref` for a named schema, the inline JSON Schema otherwise. */
  schemaFor(schema: AnySchema, io: SchemaIo): JsonSchema;
  /** The JSON Schema body itself, also for a named schema (to read an object's properties). */
  bodyOf(schema: AnySchema, io: SchemaIo): JsonSchema;
  /**
   * The components `document` references (transitively), sorted by name. Renames refs inside
   * `document` where an input variant takes its plain name (see below).
   */
  componentsFor(document: unknown): Record<string, JsonSchema>;
}

function convert(registry: z.core.$ZodRegistry<{ id: string }>, io: SchemaIo): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io,
    uri: componentRef,
    unrepresentable: "throw",
    cycles: "ref",
    reused: "inline",
  });
  const bodies: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // `$schema`/`$id` belong to standalone documents; OpenAPI 3.1 components take neither.
    const { $schema: _schema, $id: _id, ...body } = schema;
    bodies[id] = body;
  }
  return bodies;
}

/**
 * Converts `roots` (and every named schema they reach) in both directions. Request data is
 * described by the input shape (what clients send, before transforms and defaults), responses by
 * the output shape. Where a named schema's input and output shapes differ and both are used, the
 * input variant is the component `<id>Input`.
 */
export function buildSchemaComponents(roots: readonly AnySchema[]): SchemaComponents {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<AnySchema, string>();
  let inlineCount = 0;
  for (const schema of roots) {
    if (idOf.has(schema)) continue;
    const id = z.globalRegistry.get(schema)?.id ?? `${INLINE_PREFIX}${inlineCount++}`;
    idOf.set(schema, id);
    registry.add(schema, { id });
  }

  // Named schemas nested in the roots come back under `__shared`; register them and convert
  // again until every named schema is a registry entry with its own `$ref`.
  let bodies: Record<SchemaIo, Record<string, JsonSchema>>;
  for (;;) {
    bodies = { input: convert(registry, "input"), output: convert(registry, "output") };
    const missing = new Set<string>();
    for (const io of IOS) {
      const shared = bodies[io][SHARED_KEY];
      for (const id of Object.keys(shared?.$defs ?? {})) missing.add(id);
    }
    if (missing.size === 0) break;
    for (const id of [...missing].sort()) {
      const schema = z.globalRegistry._idmap.get(id);
      if (!schema || registry.has(schema)) {
        throw new Error(`OpenAPI: schema "${id}" has no meta id; give recursive schemas a .meta({ id })`);
      }
      idOf.set(schema, id);
      registry.add(schema, { id });
    }
  }

  const isInline = (id: string) => id.startsWith(INLINE_PREFIX);
  const namedIds = [...registry._idmap.keys()].filter((id) => !isInline(id)).sort();

  // An inline root nested inside another schema is inlined there too, never a dangling `$ref`.
  for (const io of IOS) {
    const inlineRefs = (value: unknown, seen: readonly string[]): void =>
      forEachRef(value, (node, ref) => {
        const name = componentName(ref);
        if (name === undefined || !isInline(name)) return;
        if (seen.includes(name)) throw new Error("OpenAPI: recursive schemas need a .meta({ id })");
        const inlined = clone(bodies[io][name]);
        inlineRefs(inlined, [...seen, name]);
        delete node.$ref;
        Object.assign(node, inlined, { ...node });
      });
    for (const id of Object.keys(bodies[io])) inlineRefs(bodies[io][id], [id]);
  }

  // Input variants that differ from the output shape, directly or through a schema they reference.
  const differs = new Set(
    namedIds.filter((id) => JSON.stringify(bodies.input[id]) !== JSON.stringify(bodies.output[id])),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of namedIds) {
      if (!differs.has(id) && refNames(bodies.input[id]).some((name) => differs.has(name))) {
        differs.add(id);
        changed = true;
      }
    }
  }
  const inputName = (id: string) => (differs.has(id) ? `${id}Input` : id);
  for (const id of Object.keys(bodies.input)) {
    forEachRef(bodies.input[id], (node, ref) => {
      const name = componentName(ref);
      if (name !== undefined) node.$ref = componentRef(inputName(name));
    });
  }

  const available = new Map<string, JsonSchema>();
  for (const id of namedIds) {
    available.set(id, bodies.output[id] ?? {});
    if (!differs.has(id)) continue;
    if (registry._idmap.has(inputName(id))) throw new Error(`OpenAPI: component name "${inputName(id)}" is taken`);
    available.set(inputName(id), bodies.input[id] ?? {});
  }

  const lookup = (schema: AnySchema): string => {
    const id = idOf.get(schema);
    if (id === undefined) throw new Error("OpenAPI: schema was not passed to buildSchemaComponents");
    return id;
  };

  return {
    schemaFor(schema, io) {
      const id = lookup(schema);
      if (isInline(id)) return clone(bodies[io][id] ?? {});
      return { $ref: componentRef(io === "input" ? inputName(id) : id) };
    },
    bodyOf(schema, io) {
      return clone(bodies[io][lookup(schema)] ?? {});
    },
    componentsFor(document) {
      const used = new Set<string>();
      const visit = (value: unknown) => {
        for (const name of refNames(value)) {
          if (used.has(name)) continue;
          const body = available.get(name);
          if (!body) throw new Error(`OpenAPI: unresolved $ref to "${name}"`);
          used.add(name);
          visit(body);
        }
      };
      visit(document);

      // An input variant whose output twin is not used takes the plain name.
      const renames = new Map<string, string>();
      for (const id of differs) if (used.has(inputName(id)) && !used.has(id)) renames.set(inputName(id), id);
      const rename = (value: unknown) =>
        forEachRef(value, (node, ref) => {
          const target = renames.get(componentName(ref) ?? "");
          if (target !== undefined) node.$ref = componentRef(target);
        });
      rename(document);

      const components: Record<string, JsonSchema> = {};
      const entries = [...used].map((source) => ({ name: renames.get(source) ?? source, source }));
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const { name, source } of entries) {
        const body = clone(available.get(source) ?? {});
        rename(body);
        components[name] = body;
      }
      return components;
    },
  };
}
