// The OpenAPI 3.1 document, generated only from the endpoint contracts the route wrapper validates
// with, so the published description cannot drift from what the handlers accept and return.
import type { z } from "zod";
import type { Endpoint, EndpointAuth } from "./endpoint";
import { buildSchemaComponents, isRecord, type JsonSchema } from "./schema-components";
import { ErrorResponseSchema } from "./schemas";

export type { JsonSchema } from "./schema-components";

export type HttpMethod = "get" | "put" | "post" | "patch" | "delete";

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiMediaType {
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, OpenApiMediaType>;
}

export type SecurityRequirement = Record<string, string[]>;

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: SecurityRequirement[];
  /** The least role a signed-in caller needs (session-authenticated endpoints only). */
  "x-required-role"?: "member" | "reviewer" | "admin";
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
}

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>>;

export type OpenApiSecurityScheme =
  | { type: "apiKey"; in: "cookie" | "header" | "query"; name: string; description: string }
  | { type: "http"; scheme: string; bearerFormat?: string; description: string };

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, OpenApiSecurityScheme>;
  };
}

export interface OpenApiOptions {
  title?: string;
  version?: string;
  description?: string;
}

export const ERROR_COMPONENT = "Error";
export const SESSION_COOKIE_SCHEME = "sessionCookie";
export const API_KEY_SCHEME = "apiKey";

const JSON_MEDIA_TYPE = "application/json";
/** Operation order inside a path item, so the JSON is stable whatever order endpoints come in. */
const METHOD_ORDER: readonly HttpMethod[] = ["get", "put", "post", "patch", "delete"];
const METHOD_KEY: Record<Endpoint["method"], HttpMethod> = {
  GET: "get",
  PUT: "put",
  POST: "post",
  PATCH: "patch",
  DELETE: "delete",
};

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input",
  401: "Authentication required",
  403: "Not allowed",
  404: "Not found or not visible",
  409: "Conflict",
  500: "Unexpected error (generic message; details only in the server log)",
};

const SECURITY_SCHEMES: Record<string, OpenApiSecurityScheme> = {
  [SESSION_COOKIE_SCHEME]: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description:
      "The session cookie set when a user signs in to the app (named `__Secure-next-auth.session-token` when " +
      "the app is served over HTTPS). State-changing requests must also come from the app's own origin.",
  },
  [API_KEY_SCHEME]: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "fk_key_…",
    description:
      "An organization API key (`fk_key_…`) sent as `Authorization: Bearer fk_key_…`. Used by chat backends to " +
      "register conversations and messages; it cannot call user endpoints.",
  },
};

/** The document's operation for an endpoint contract. */
export function operationFor(document: OpenApiDocument, endpoint: Endpoint): OpenApiOperation | undefined {
  return document.paths[endpoint.path]?.[METHOD_KEY[endpoint.method]];
}

export function securityFor(auth: EndpointAuth): SecurityRequirement[] {
  if (auth === "public") return [];
  if (auth === "api_key") return [{ [API_KEY_SCHEME]: [] }];
  return [{ [SESSION_COOKIE_SCHEME]: [] }];
}

/** The `{name}` placeholders of an OpenAPI path, in order. */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
}

function objectProperties(schema: JsonSchema, where: string): { properties: Record<string, JsonSchema>; required: string[] } {
  if (schema.type !== "object" || !isRecord(schema.properties)) {
    throw new Error(`OpenAPI: ${where} schema must be a plain object schema`);
  }
  const properties: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    // `true`/`false` subschemas carry nothing to document; an empty schema says the same as `true`.
    properties[name] = typeof property === "boolean" ? {} : property;
  }
  return { properties, required: schema.required ?? [] };
}

function parameter(name: string, location: "path" | "query", required: boolean, schema: JsonSchema): OpenApiParameter {
  // The description documents the parameter itself; leaving it in the schema would repeat it.
  const { description, ...rest } = schema;
  return { name, in: location, required, ...(description ? { description } : {}), schema: rest };
}

export function buildOpenApiDocument(endpoints: readonly Endpoint[], options: OpenApiOptions = {}): OpenApiDocument {
  const roots: z.core.$ZodType[] = [ErrorResponseSchema];
  for (const endpoint of endpoints) {
    for (const schema of [endpoint.params, endpoint.query, endpoint.body]) if (schema) roots.push(schema);
    for (const response of Object.values(endpoint.responses)) if (response.schema) roots.push(response.schema);
  }
  const schemas = buildSchemaComponents(roots);
  const errorContent = () => ({ [JSON_MEDIA_TYPE]: { schema: schemas.schemaFor(ErrorResponseSchema, "output") } });

  const operationIds = new Set<string>();
  const paths: Record<string, OpenApiPathItem> = {};
  const tags = new Set<string>();
  for (const endpoint of endpoints) {
    const method = METHOD_KEY[endpoint.method];
    const where = `${endpoint.method} ${endpoint.path}`;
    if (operationIds.has(endpoint.id)) throw new Error(`OpenAPI: duplicate operationId "${endpoint.id}"`);
    operationIds.add(endpoint.id);
    const pathItem = (paths[endpoint.path] ??= {});
    if (pathItem[method]) throw new Error(`OpenAPI: ${where} is defined twice`);
    tags.add(endpoint.tag);

    const parameters: OpenApiParameter[] = [];
    const placeholders = pathPlaceholders(endpoint.path);
    if (endpoint.params) {
      const { properties } = objectProperties(schemas.bodyOf(endpoint.params, "input"), `${where} params`);
      const extra = Object.keys(properties).filter((name) => !placeholders.includes(name));
      if (extra.length) throw new Error(`OpenAPI: ${where} params ${extra.join(", ")} are not in the path`);
      for (const name of placeholders) {
        const property = properties[name];
        if (!property) throw new Error(`OpenAPI: ${where} has no params schema for {${name}}`);
        parameters.push(parameter(name, "path", true, property));
      }
    } else if (placeholders.length) {
      throw new Error(`OpenAPI: ${where} has path placeholders but no params schema`);
    }
    if (endpoint.query) {
      const { properties, required } = objectProperties(schemas.bodyOf(endpoint.query, "input"), `${where} query`);
      for (const [name, property] of Object.entries(properties)) {
        parameters.push(parameter(name, "query", required.includes(name), property));
      }
    }

    const responses: Record<string, OpenApiResponse> = {};
    const statuses = Object.keys(endpoint.responses).map(Number).sort((a, b) => a - b);
    for (const status of statuses) {
      const response = endpoint.responses[status];
      if (!response) continue;
      responses[String(status)] = {
        description: response.description,
        ...(response.schema
          ? { content: { [JSON_MEDIA_TYPE]: { schema: schemas.schemaFor(response.schema, "output") } } }
          : {}),
      };
    }
    for (const status of [...new Set([...endpoint.errors, 500])].sort((a, b) => a - b)) {
      if (responses[String(status)]) throw new Error(`OpenAPI: ${where} lists ${status} as success and error`);
      responses[String(status)] = { description: ERROR_DESCRIPTIONS[status] ?? "Error", content: errorContent() };
    }

    pathItem[method] = {
      operationId: endpoint.id,
      tags: [endpoint.tag],
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      security: securityFor(endpoint.auth),
      ...(endpoint.auth === "member" || endpoint.auth === "reviewer" || endpoint.auth === "admin"
        ? { "x-required-role": endpoint.auth }
        : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(endpoint.body
        ? {
            requestBody: {
              // The route wrapper answers an empty body with 400 whenever the endpoint has a body schema.
              required: true,
              content: { [JSON_MEDIA_TYPE]: { schema: schemas.schemaFor(endpoint.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }

  const sortedPaths: Record<string, OpenApiPathItem> = {};
  for (const path of Object.keys(paths).sort()) {
    const item: OpenApiPathItem = {};
    for (const method of METHOD_ORDER) {
      const operation = paths[path]?.[method];
      if (operation) item[method] = operation;
    }
    sortedPaths[path] = item;
  }

  return {
    openapi: "3.1.0",
    info: {
      title: options.title ?? "Feedback Kit API",
      version: options.version ?? "0.1.0",
      description:
        options.description ??
        'Thumbs up / thumbs down feedback on assistant messages. Errors are JSON `{"detail": "…", "code": "…"}`.',
    },
    tags: [...tags].sort().map((name) => ({ name })),
    paths: sortedPaths,
    components: { schemas: schemas.componentsFor(sortedPaths), securitySchemes: structuredClone(SECURITY_SCHEMES) },
  };
}
