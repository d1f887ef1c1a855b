// Plain-data helpers the API reference renders from: they read the OpenAPI document only, so the
// page shows exactly what /api/openapi.json says.
import { API_KEY_SCHEME, FEEDBACK_TOKEN_SCHEME, PERSONAL_ACCESS_TOKEN_SCHEME, SESSION_COOKIE_SCHEME } from "@/lib/api/openapi";
import type { OpenApiDocument, OpenApiOperation } from "@/lib/api/openapi-types";
import { componentName, isRecord, type JsonSchema } from "@/lib/api/openapi-types";

const JSON_MEDIA_TYPE = "application/json";
const MAX_DEPTH = 6;

export const schemaAnchor = (name: string) => `schema-${name}`;

/** Follows `$ref`s to the component; sibling keywords (e.g. a description) win over the target's. */
export function resolveSchema(schema: JsonSchema, document: OpenApiDocument, depth = 0): JsonSchema {
  const name = typeof schema.$ref === "string" ? componentName(schema.$ref) : undefined;
  const target = name === undefined ? undefined : document.components.schemas[name];
  if (!target || depth > MAX_DEPTH) return schema;
  const { $ref: _ref, ...siblings } = schema;
  return { ...resolveSchema(target, document, depth + 1), ...siblings };
}

function asSchema(value: unknown): JsonSchema {
  return isRecord(value) ? value : {};
}

/** A nullable schema's non-null part: `anyOf: [X, {type: "null"}]` or `type: [T, "null"]`. */
export function withoutNull(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const rest = options.filter((option) => option.type !== "null");
    if (rest.length === 1 && rest[0]) return { ...rest[0], ...(schema.description ? { description: schema.description } : {}) };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== "null");
    if (types.length === 1) return { ...schema, type: types[0] };
  }
  return schema;
}

function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min} ${unit}` : `${min}–${max} ${unit}`;
  if (min === 1 && unit === "characters") return "not empty";
  if (min !== undefined) return `at least ${min} ${unit}`;
  if (max !== undefined) return `at most ${max} ${unit}`;
  return undefined;
}

/** Human-readable validation rules of one (resolved) schema. */
export function constraintsOf(input: JsonSchema): string[] {
  const schema = withoutNull(input);
  const rules: string[] = [];
  const push = (rule: string | undefined) => {
    if (rule) rules.push(rule);
  };
  push(range(schema.minLength, schema.maxLength, "characters"));
  push(range(schema.minItems, schema.maxItems, "items"));
  if (schema.minimum !== undefined) push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) push(`≤ ${schema.maximum}`);
  if (schema.format === "date-time") push("ISO 8601 date-time with offset");
  else if (schema.format) push(`format: ${schema.format}`);
  else if (schema.pattern) push(`pattern: ${schema.pattern}`);
  if (schema.default !== undefined) push(`default: ${JSON.stringify(schema.default)}`);
  if (schema.type === "array" && isRecord(schema.items)) {
    for (const rule of constraintsOf(asSchema(schema.items))) push(`each item ${rule}`);
  }
  return rules;
}

export interface FieldRow {
  name: string;
  schema: JsonSchema;
  required: boolean;
  description?: string;
  constraints: string[];
}

/** The properties of an object schema (after `$ref`s), or undefined when it is not an object. */
export function objectFields(schema: JsonSchema, document: OpenApiDocument): FieldRow[] | undefined {
  const resolved = resolveSchema(schema, document);
  if (resolved.type !== "object" || !isRecord(resolved.properties)) return undefined;
  const required = resolved.required ?? [];
  return Object.entries(resolved.properties).map(([name, value]) => {
    const property = asSchema(value);
    const description = property.description ?? resolveSchema(property, document).description;
    return {
      name,
      schema: property,
      required: required.includes(name),
      ...(description ? { description } : {}),
      constraints: constraintsOf(resolveSchema(property, document)),
    };
  });
}

export function jsonBodySchema(operation: OpenApiOperation): JsonSchema | undefined {
  return operation.requestBody?.content[JSON_MEDIA_TYPE]?.schema;
}

export function responseSchema(operation: OpenApiOperation, status: string): JsonSchema | undefined {
  return operation.responses[status]?.content?.[JSON_MEDIA_TYPE]?.schema;
}

/** A plausible value for documentation: enum/const/default first, then a typed placeholder. */
export function exampleValue(schema: JsonSchema, document: OpenApiDocument, name = "value", depth = 0): unknown {
  const resolved = withoutNull(resolveSchema(schema, document));
  if (depth > MAX_DEPTH) return null;
  if (resolved.examples?.[0] !== undefined) return resolved.examples[0];
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.default !== undefined) return resolved.default;
  const options = resolved.anyOf ?? resolved.oneOf;
  if (options?.[0]) return exampleValue(options[0], document, name, depth + 1);
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  switch (type) {
    case "string":
      if (resolved.format === "date-time") return "2025-01-01T12:00:00Z";
      return name.includes("email") ? "user@example.com" : `<${name}>`;
    case "integer":
    case "number":
      return resolved.minimum ?? 0;
    case "boolean":
      return true;
    case "array":
      return [exampleValue(asSchema(resolved.items), document, name.replace(/s$/, ""), depth + 1)];
    case "object":
      return exampleObject(resolved, document, depth + 1);
    default:
      return null;
  }
}

/** The required properties (all of them when none is required), each with an example value. */
function exampleObject(schema: JsonSchema, document: OpenApiDocument, depth: number): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = schema.required?.length ? schema.required : Object.keys(properties);
  const example: Record<string, unknown> = {};
  for (const name of required) example[name] = exampleValue(asSchema(properties[name]), document, name, depth);
  return example;
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
const envName = (name: string) => `$${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;

/** A copy-paste curl command: path and query values come from shell variables. */
export function curlExample(path: string, method: string, operation: OpenApiOperation, document: OpenApiDocument): string {
  let url = path.replace(/\{([^}]+)\}/g, (_match, name: string) => envName(name));
  const query = (operation.parameters ?? []).filter((parameter) => parameter.in === "query" && parameter.required);
  if (query.length) url += `?${query.map((parameter) => `${parameter.name}=${envName(parameter.name)}`).join("&")}`;

  const lines = [`curl${method === "GET" ? "" : ` -X ${method}`} "$BASE_URL${url}"`];
  const schemes = operation.security.flatMap((requirement) => Object.keys(requirement));
  // A user endpoint is shown with a personal access token: a script has one, not a cookie.
  if (schemes[0] === API_KEY_SCHEME) lines.push(`-H "Authorization: Bearer $FK_API_KEY"`);
  else if (schemes.includes(PERSONAL_ACCESS_TOKEN_SCHEME)) lines.push(`-H "Authorization: Bearer $FK_TOKEN"`);
  else {
    const cookie = document.components.securitySchemes[SESSION_COOKIE_SCHEME];
    if (schemes.includes(SESSION_COOKIE_SCHEME) && cookie?.type === "apiKey") lines.push(`--cookie "${cookie.name}=$SESSION_TOKEN"`);
  }
  const body = jsonBodySchema(operation);
  if (body) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d ${shellQuote(JSON.stringify(exampleValue(body, document, "body")))}`);
  }
  return lines.join(" \\\n  ");
}

export function authLabel(operation: OpenApiOperation): string {
  const schemes = operation.security.flatMap((requirement) => Object.keys(requirement));
  if (schemes.length === 0) return "None (public)";
  const scope = operation["x-required-scope"];
  if (schemes[0] === API_KEY_SCHEME) return `Organization API key with the ${scope ?? "?"} scope (Authorization: Bearer fk_key_…)`;
  const role = operation["x-required-role"];
  const who = role === "admin" ? "Signed-in admin" : role === "reviewer" ? "Signed-in reviewer or admin" : "Any signed-in user";
  const extras = [
    ...(schemes.includes(FEEDBACK_TOKEN_SCHEME) ? ["a feedback token"] : []),
    ...(schemes.includes(API_KEY_SCHEME) ? [`an API key with the ${scope ?? "?"} scope`] : []),
  ];
  return `${who} (session cookie or personal access token)${extras.length ? `, or ${extras.join(" or ")}` : ""}`;
}
