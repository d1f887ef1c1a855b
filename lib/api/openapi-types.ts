// The shape of the generated OpenAPI 3.1 document, as the API reference page reads it, and helpers
// for walking its schemas.
import type { z } from "zod";

/** A JSON Schema 2020-12 object as OpenAPI 3.1 embeds it. */
export type JsonSchema = z.core.JSONSchema.JSONSchema;

export type HttpMethod = "get" | "put" | "post" | "patch" | "delete";

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiMediaType {
  schema?: JsonSchema;
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
  /** The scope an organization API key needs for this operation. */
  "x-required-scope"?: string;
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

const COMPONENT_PREFIX = "#/components/schemas/";

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
