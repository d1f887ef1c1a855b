import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allEndpoints } from "./all-endpoints";
import * as reviewEndpointsModule from "./admin-endpoints";
import * as chatEndpointsModule from "./chat-endpoints";
import * as accessTokenEndpointsModule from "./access-token-endpoints";
import * as feedbackTokenEndpointsModule from "./feedback-token-endpoints";
import * as conversationEndpointsModule from "./conversation-endpoints";
import { defineEndpoint, type Endpoint } from "./endpoint";
import * as feedbackEndpointsModule from "./feedback-endpoints";
import * as goldenExampleEndpointsModule from "./golden-example-endpoints";
import { feedbackEndpoints } from "./feedback-endpoints";
import { buildOpenApiDocument, errorStatusesOf, operationFor, pathPlaceholders } from "./openapi";
import { componentName, forEachRef, isRecord, type JsonSchema, type OpenApiDocument } from "./openapi-types";

const document = buildOpenApiDocument(allEndpoints);
const JSON_TYPE = "application/json";

// Beyond the official OpenAPI 3.1 schema (the first test), these checks cover what that schema
// leaves open: the JSON Schema 2020-12 keywords of every component and the cross-references.

const SCHEMA_TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);
const SCHEMA_KEYWORDS = new Set([
  "$ref", "$comment", "type", "enum", "const", "properties", "required", "additionalProperties",
  "patternProperties", "propertyNames", "items", "prefixItems", "anyOf", "oneOf", "allOf", "not",
  "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
  "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties",
  "maxProperties", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
  "contentEncoding", "contentMediaType",
]);
const COUNT_KEYWORDS = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];

function jsonSchemaProblems(schema: unknown, at: string): string[] {
  if (typeof schema === "boolean") return [];
  if (!isRecord(schema)) return [`${at}: a schema must be an object or boolean`];
  const problems: string[] = [];
  const sub = (value: unknown, where: string) => problems.push(...jsonSchemaProblems(value, where));
  for (const [key, value] of Object.entries(schema)) {
    if (!SCHEMA_KEYWORDS.has(key) && !key.startsWith("x-")) problems.push(`${at}: unknown keyword "${key}"`);
    if (COUNT_KEYWORDS.includes(key) && !(Number.isInteger(value) && Number(value) >= 0)) {
      problems.push(`${at}.${key}: must be a non-negative integer`);
    }
    if (["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].includes(key) && typeof value !== "number") {
      problems.push(`${at}.${key}: must be a number (2020-12)`);
    }
    if (["title", "description", "format", "$comment"].includes(key) && typeof value !== "string") {
      problems.push(`${at}.${key}: must be a string`);
    }
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.length === 0 || new Set(types).size !== types.length || !types.every((t) => SCHEMA_TYPES.has(String(t)))) {
      problems.push(`${at}.type: invalid ${JSON.stringify(schema.type)}`);
    }
  }
  if (schema.enum !== undefined) {
    const values = Array.isArray(schema.enum) ? schema.enum.map((v) => JSON.stringify(v)) : [];
    if (values.length === 0 || new Set(values).size !== values.length) problems.push(`${at}.enum: must be non-empty and unique`);
  }
  if (schema.properties !== undefined) {
    if (!isRecord(schema.properties)) problems.push(`${at}.properties: must be an object`);
    else for (const [name, value] of Object.entries(schema.properties)) sub(value, `${at}.properties.${name}`);
  }
  if (schema.required !== undefined) {
    const required = schema.required;
    if (!Array.isArray(required) || !required.every((name) => typeof name === "string") || new Set(required).size !== required.length) {
      problems.push(`${at}.required: must be unique strings`);
    } else if (isRecord(schema.properties)) {
      for (const name of required) if (!(name in schema.properties)) problems.push(`${at}.required: "${name}" is not a property`);
    }
  }
  if (schema.additionalProperties !== undefined) sub(schema.additionalProperties, `${at}.additionalProperties`);
  // 2020-12: `items` is one schema; tuples use `prefixItems`.
  if (schema.items !== undefined) {
    if (Array.isArray(schema.items)) problems.push(`${at}.items: must be a schema, not an array, in 2020-12`);
    else sub(schema.items, `${at}.items`);
  }
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const options = schema[key];
    if (options === undefined) continue;
    if (!Array.isArray(options) || options.length === 0) problems.push(`${at}.${key}: must be a non-empty array`);
    else options.forEach((option, index) => sub(option, `${at}.${key}[${index}]`));
  }
  if (schema.not !== undefined) sub(schema.not, `${at}.not`);
  if (schema.pattern !== undefined) {
    try {
      new RegExp(String(schema.pattern), "u");
    } catch {
      problems.push(`${at}.pattern: not an ECMA-262 regular expression`);
    }
  }
  if (schema.$ref !== undefined && typeof schema.$ref !== "string") problems.push(`${at}.$ref: must be a string`);
  return problems;
}

const OPENAPI_ROOT_KEYS = new Set(["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs"]);
const PATH_ITEM_KEYS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace", "summary", "description", "servers", "parameters"]);
const OPERATION_KEYS = new Set(["tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody", "responses", "callbacks", "deprecated", "security", "servers"]);

function openApiProblems(doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  const raw: Record<string, unknown> = JSON.parse(JSON.stringify(doc));
  for (const key of Object.keys(raw)) if (!OPENAPI_ROOT_KEYS.has(key) && !key.startsWith("x-")) problems.push(`unknown root field ${key}`);
  if (!/^3\.1\.\d+$/.test(doc.openapi)) problems.push("openapi must be 3.1.x");
  if (typeof doc.info?.title !== "string" || typeof doc.info?.version !== "string") problems.push("info.title/version required");

  const schemes = doc.components.securitySchemes;
  for (const [name, scheme] of Object.entries(schemes)) {
    if (scheme.type === "apiKey" && !(["query", "header", "cookie"].includes(scheme.in) && scheme.name)) problems.push(`scheme ${name}: apiKey needs in + name`);
    if (scheme.type === "http" && !scheme.scheme) problems.push(`scheme ${name}: http needs scheme`);
  }
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    if (!/^[a-zA-Z0-9.\-_]+$/.test(name)) problems.push(`component name ${name} is invalid`);
    problems.push(...jsonSchemaProblems(schema, `components.schemas.${name}`));
  }

  const operationIds = new Set<string>();
  const declaredTags = new Set(doc.tags.map((tag) => tag.name));
  for (const [pathKey, item] of Object.entries(doc.paths)) {
    if (!pathKey.startsWith("/")) problems.push(`path ${pathKey} must start with /`);
    for (const [method, operation] of Object.entries(item)) {
      const at = `${method.toUpperCase()} ${pathKey}`;
      if (!PATH_ITEM_KEYS.has(method)) problems.push(`${at}: unknown path item field`);
      if (!operation) continue;
      for (const key of Object.keys(operation)) if (!OPERATION_KEYS.has(key) && !key.startsWith("x-")) problems.push(`${at}: unknown field ${key}`);
      if (operationIds.has(operation.operationId)) problems.push(`${at}: duplicate operationId`);
      operationIds.add(operation.operationId);
      for (const tag of operation.tags) if (!declaredTags.has(tag)) problems.push(`${at}: tag ${tag} not declared`);
      for (const requirement of operation.security) {
        for (const [name, scopes] of Object.entries(requirement)) {
          if (!schemes[name]) problems.push(`${at}: unknown security scheme ${name}`);
          if (!Array.isArray(scopes)) problems.push(`${at}: security scopes must be an array`);
        }
      }
      const seen = new Set<string>();
      for (const parameter of operation.parameters ?? []) {
        const key = `${parameter.in}:${parameter.name}`;
        if (seen.has(key)) problems.push(`${at}: duplicate parameter ${key}`);
        seen.add(key);
        if (!["path", "query", "header", "cookie"].includes(parameter.in)) problems.push(`${at}: bad parameter location`);
        if (parameter.in === "path" && parameter.required !== true) problems.push(`${at}: path parameter ${parameter.name} must be required`);
        if (parameter.in === "path" && !pathPlaceholders(pathKey).includes(parameter.name)) problems.push(`${at}: ${parameter.name} is not in the path`);
        problems.push(...jsonSchemaProblems(parameter.schema, `${at} parameter ${parameter.name}`));
      }
      if (operation.requestBody) {
        const content = Object.entries(operation.requestBody.content);
        if (content.length === 0) problems.push(`${at}: requestBody needs content`);
        for (const [type, media] of content) problems.push(...jsonSchemaProblems(media.schema, `${at} body ${type}`));
      }
      const responses = Object.entries(operation.responses);
      if (responses.length === 0) problems.push(`${at}: needs responses`);
      for (const [status, response] of responses) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problems.push(`${at}: bad response key ${status}`);
        if (typeof response.description !== "string" || !response.description) problems.push(`${at} ${status}: needs description`);
        for (const [type, media] of Object.entries(response.content ?? {})) {
          problems.push(...jsonSchemaProblems(media.schema, `${at} ${status} ${type}`));
        }
      }
    }
  }
  forEachRef(doc, (_node, ref) => {
    const name = componentName(ref);
    if (name === undefined || !doc.components.schemas[name]) problems.push(`unresolved $ref ${ref}`);
  });
  return problems;
}

function component(name: string): JsonSchema {
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`no component ${name}`);
  return schema;
}

function operation(endpoint: Endpoint) {
  const found = operationFor(document, endpoint);
  if (!found) throw new Error(`no operation for ${endpoint.id}`);
  return found;
}

describe("the OpenAPI document against the official OpenAPI 3.1 schema", () => {
  it("validates", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("would reject a broken document (the validator is live)", async () => {
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, { parameters?: unknown }>> };
    broken.paths["/api/feedback"]!.post!.parameters = [{ in: "path" }];
    expect((await new Validator().validate(broken as unknown as Record<string, unknown>)).valid).toBe(false);
  });
});

describe("OpenAPI document", () => {
  it("is a structurally valid OpenAPI 3.1.0 document with valid JSON Schema 2020-12 components", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(openApiProblems(document)).toEqual([]);
  });

  it("describes every endpoint with its method, operationId, tag, summary and security", () => {
    for (const endpoint of allEndpoints) {
      const op = operation(endpoint);
      expect(op.operationId).toBe(endpoint.id);
      expect(op.tags).toEqual([endpoint.tag]);
      expect(op.summary).toBe(endpoint.summary);
      expect(op.description).toBe(endpoint.description);
      const apiKey = endpoint.apiKeyScope ? [{ apiKey: [endpoint.apiKeyScope] }] : [];
      const user = [{ sessionCookie: [] }, { personalAccessToken: [] }, ...(endpoint.feedbackToken ? [{ feedbackToken: [] }] : []), ...apiKey];
      const expected = endpoint.auth === "public" ? [] : endpoint.auth === "api_key" ? apiKey : user;
      expect(op.security).toEqual(expected);
      expect(op["x-required-scope"]).toBe(endpoint.apiKeyScope);
    }
    const count = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
    expect(count).toBe(allEndpoints.length);
  });

  it("declares a required path parameter for every {placeholder}", () => {
    for (const endpoint of allEndpoints) {
      const parameters = operation(endpoint).parameters ?? [];
      const pathParameters = parameters.filter((parameter) => parameter.in === "path");
      expect(pathParameters.map((parameter) => parameter.name).sort()).toEqual(pathPlaceholders(endpoint.path).sort());
      for (const parameter of pathParameters) expect(parameter.required).toBe(true);
    }
  });

  it("resolves every $ref to a component, and keeps only referenced components", () => {
    const referenced = new Set<string>();
    forEachRef(document, (_node, ref) => {
      const name = componentName(ref);
      expect(name, ref).toBeDefined();
      expect(document.components.schemas[name ?? ""], ref).toBeDefined();
      referenced.add(name ?? "");
    });
    expect(Object.keys(document.components.schemas).sort()).toEqual([...referenced].sort());
  });

  it("FeedbackResponse requires the SPEC fields and FeedbackType is exactly positive/negative", () => {
    const feedback = component("FeedbackResponse");
    const specFields = ["id", "message_id", "user_id", "feedback_type", "reason", "status", "reviewed_by", "reviewed_at", "created_at"];
    expect(feedback.required).toEqual(expect.arrayContaining(specFields));
    expect(Object.keys(feedback.properties ?? {})).toEqual(expect.arrayContaining(specFields));
    expect(feedback.properties?.feedback_type).toEqual({ $ref: "#/components/schemas/FeedbackType" });
    expect(component("FeedbackType")).toEqual({ type: "string", enum: ["positive", "negative"] });
    expect(component("FeedbackStatus").enum).toEqual(["pending", "auto_approved", "reviewed", "dismissed"]);
  });

  it("POST /api/feedback takes a JSON body requiring message_id and feedback_type", () => {
    const body = operation(feedbackEndpointsModule.submitFeedback).requestBody;
    expect(body?.required).toBe(true);
    expect(body?.content[JSON_TYPE]?.schema).toEqual({ $ref: "#/components/schemas/SubmitFeedbackRequest" });
    const request = component("SubmitFeedbackRequest");
    expect(request.required).toEqual(["message_id", "feedback_type"]);
    expect(request.properties?.feedback_type).toEqual({ $ref: "#/components/schemas/FeedbackType" });
    // Input shape: zod strips unknown keys, so clients may send extra fields.
    expect(request.additionalProperties).toBeUndefined();
  });

  it("answers the error statuses each endpoint can produce, each with the Error component and the codes behind it", () => {
    // Written out, not derived: a contract change that adds or drops a status must change this table too.
    const expected: Record<string, number[]> = {
      submitFeedback: [400, 401, 403, 404, 429, 500],
      // 403 on user endpoints: an organization API key is refused there.
      listFeedback: [400, 401, 403, 404, 500],
      getMessageFeedback: [400, 401, 403, 404, 500],
      getFeedbackConfig: [401, 403, 500],
      // The review API: reviewers and admins (403 for a member, or a reviewer on admin-only settings).
      listReviewQueue: [400, 401, 403, 500],
      getReviewStats: [401, 403, 500],
      getDailyReviewStats: [400, 401, 403, 500],
      getReviewItem: [400, 401, 403, 404, 500],
      resolveFeedback: [400, 401, 403, 404, 409, 429, 500],
      dismissFeedback: [400, 401, 403, 404, 409, 429, 500],
      restoreFeedback: [400, 401, 403, 404, 409, 429, 500],
      deleteReviewItem: [400, 401, 403, 404, 409, 429, 500],
      generateCorrectedResponse: [400, 401, 403, 404, 429, 500],
      bulkReview: [400, 401, 403, 429, 500],
      getReviewSettings: [401, 403, 500],
      updateReviewSettings: [400, 401, 403, 429, 500],
      listAuditLog: [400, 401, 403, 500],
      listGoldenExamples: [400, 401, 403, 500],
      createGoldenExample: [400, 401, 403, 429, 500],
      exportGoldenExamples: [400, 401, 403, 500],
      getGoldenExample: [400, 401, 403, 404, 500],
      updateGoldenExample: [400, 401, 403, 404, 429, 500],
      deleteGoldenExample: [400, 401, 403, 404, 429, 500],
      withdrawFeedback: [400, 401, 403, 404, 429, 500],
      // 403 for an API key without the conversations:write scope.
      createConversation: [400, 401, 403, 404, 409, 429, 500],
      appendMessages: [400, 401, 403, 404, 409, 429, 500],
      getConversation: [400, 401, 403, 404, 500],
      mintFeedbackToken: [400, 401, 403, 404, 429, 500],
      listPersonalAccessTokens: [401, 403, 500],
      createPersonalAccessToken: [400, 401, 403, 429, 500],
      revokePersonalAccessToken: [400, 401, 403, 404, 429, 500],
      listApiKeys: [401, 403, 500],
      createApiKey: [400, 401, 403, 429, 500],
      revokeApiKey: [400, 401, 403, 404, 429, 500],
      listChatConversations: [400, 401, 403, 500],
      createChatConversation: [400, 401, 403, 429, 500],
      getChatConversation: [400, 401, 403, 404, 500],
      // 403 also for a reviewer who may read the conversation but not write to it; 409 for concurrent writes.
      sendChatMessage: [400, 401, 403, 404, 409, 429, 500],
      answerChatConversation: [400, 401, 403, 404, 409, 429, 500],
    };
    for (const endpoint of allEndpoints) {
      const responses = operation(endpoint).responses;
      const errorStatuses = Object.keys(responses).map(Number).filter((status) => status >= 400);
      expect(errorStatuses, endpoint.id).toEqual(expected[endpoint.id]);
      for (const [status, codes] of errorStatusesOf(endpoint)) {
        const response = responses[String(status)];
        expect(response?.content?.[JSON_TYPE]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
        for (const code of codes) expect(response?.description, `${endpoint.id} ${status}`).toContain(`\`${code}\``);
      }
      for (const status of Object.keys(endpoint.responses)) expect(responses[status]?.description).toBe(endpoint.responses[Number(status)]?.description);
    }
    expect(component("Error").required).toEqual(["detail", "code"]);
    expect(component("Error").properties?.code).toEqual({ $ref: "#/components/schemas/ErrorCode" });
  });

  it("describes query parameters by what clients send (the input shape)", () => {
    const parameters = operation(feedbackEndpointsModule.listFeedback).parameters ?? [];
    expect(parameters).toEqual([
      {
        name: "conversation_id",
        in: "query",
        description: "Every message of this conversation",
        schema: { description: "Every message of this conversation", type: "string", minLength: 1, maxLength: 128 },
      },
      {
        name: "message_ids",
        in: "query",
        description: "A comma-separated list of message ids (at most 500); unknown and invisible ones are ignored",
        schema: { description: "A comma-separated list of message ids (at most 500); unknown and invisible ones are ignored", type: "string" },
      },
    ]);
  });

  it("is deterministic, whatever order the endpoints come in", () => {
    const json = JSON.stringify(document);
    expect(JSON.stringify(buildOpenApiDocument(allEndpoints))).toBe(json);
    expect(JSON.stringify(buildOpenApiDocument([...allEndpoints].reverse()))).toBe(json);
  });
});

describe("OpenAPI document and the route wrapper share their schemas", () => {
  it("has a path for each endpoint of feedbackEndpoints, which allEndpoints holds as the same objects", () => {
    for (const endpoint of feedbackEndpoints) {
      expect(allEndpoints).toContain(endpoint);
      expect(operationFor(document, endpoint)?.operationId).toBe(endpoint.id);
    }
    for (const endpoint of conversationEndpointsModule.conversationEndpoints) expect(allEndpoints).toContain(endpoint);
    for (const endpoint of chatEndpointsModule.chatEndpoints) expect(allEndpoints).toContain(endpoint);
  });

  it("lists exactly the fields of the zod object schemas the wrapper validates with", () => {
    const fieldsOf = (schema: JsonSchema) => {
      const name = componentName(String(schema.$ref ?? ""));
      const resolved = name ? component(name) : schema;
      return Object.keys(resolved.properties ?? {}).sort();
    };
    for (const endpoint of allEndpoints) {
      const op = operation(endpoint);
      if (endpoint.body instanceof z.ZodObject) {
        const schema = op.requestBody?.content[JSON_TYPE]?.schema ?? {};
        expect(fieldsOf(schema), endpoint.id).toEqual(Object.keys(endpoint.body.shape).sort());
      }
      for (const [status, response] of Object.entries(endpoint.responses)) {
        if (!(response.schema instanceof z.ZodObject)) continue;
        const schema = op.responses[status]?.content?.[JSON_TYPE]?.schema ?? {};
        expect(fieldsOf(schema), `${endpoint.id} ${status}`).toEqual(Object.keys(response.schema.shape).sort());
      }
    }
  });

  it("every defineRoute handler under app/api uses an endpoint of allEndpoints at its own path and method", () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app/api");
    const modules: Record<string, Record<string, unknown>> = {
      "@/lib/api/feedback-endpoints": feedbackEndpointsModule,
      "@/lib/api/conversation-endpoints": conversationEndpointsModule,
      "@/lib/api/admin-endpoints": reviewEndpointsModule,
      "@/lib/api/golden-example-endpoints": goldenExampleEndpointsModule,
      "@/lib/api/chat-endpoints": chatEndpointsModule,
      "@/lib/api/feedback-token-endpoints": feedbackTokenEndpointsModule,
      "@/lib/api/access-token-endpoints": accessTokenEndpointsModule,
    };
    const served = new Set<Endpoint>();
    const routeFiles = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "route.ts");
    for (const file of routeFiles) {
      const source = readFileSync(path.join(root, file), "utf8");
      if (!source.includes("defineRoute(")) continue;
      const urlPath = "/api/" + path.dirname(file).split(path.sep).map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
      const bindings = new Map<string, unknown>();
      for (const [, names = "", from = ""] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(@\/lib\/api\/[\w-]+)"/g)) {
        for (const specifier of names.split(",").map((name) => name.trim()).filter(Boolean)) {
          const [exported = "", local = exported] = specifier.split(/\s+as\s+/);
          if (modules[from]) bindings.set(local, modules[from][exported]);
        }
      }
      for (const [, method = "", binding = ""] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = defineRoute\(\s*(\w+)/g)) {
        const endpoint = allEndpoints.find((candidate) => candidate === bindings.get(binding));
        expect(endpoint, `${file} ${method}: its endpoint must be in allEndpoints`).toBeDefined();
        expect(endpoint?.method, file).toBe(method);
        expect(endpoint?.path, file).toBe(urlPath);
        if (endpoint) served.add(endpoint);
      }
    }
    expect(allEndpoints.filter((endpoint) => !served.has(endpoint)).map((endpoint) => endpoint.id)).toEqual([]);
  });
});

describe("buildOpenApiDocument", () => {
  const Widget = z.object({ name: z.string(), size: z.number().int().default(1) }).meta({ id: "OpenApiTestWidget" });
  const Draft = z.object({ title: z.string() }).meta({ id: "OpenApiTestDraft" });
  const params = z.object({ widget_id: z.string().describe("The widget") });

  it("gives a component used as input and output an <id>Output twin when the shapes differ", () => {
    const doc = buildOpenApiDocument([
      defineEndpoint({
        id: "putWidget",
        method: "PUT",
        path: "/widgets/{widget_id}",
        tag: "Widgets",
        summary: "Replace a widget",
        auth: "admin",
        params,
        body: Widget,
        responses: { 200: { description: "The widget", schema: Widget } },
        errors: ["not_found"],
      }),
      defineEndpoint({
        id: "createDraft",
        method: "POST",
        path: "/drafts",
        tag: "Widgets",
        summary: "Create a draft",
        auth: "api_key",
        apiKeyScope: "conversations:write",
        body: Draft,
        responses: { 204: { description: "Created" } },
      }),
    ]);
    expect(openApiProblems(doc)).toEqual([]);
    const put = doc.paths["/widgets/{widget_id}"]?.put;
    expect(put?.requestBody?.content[JSON_TYPE]?.schema).toEqual({ $ref: "#/components/schemas/OpenApiTestWidget" });
    expect(put?.responses["200"]?.content?.[JSON_TYPE]?.schema).toEqual({ $ref: "#/components/schemas/OpenApiTestWidgetOutput" });
    expect(put?.parameters).toEqual([{ in: "path", name: "widget_id", required: true, description: "The widget", schema: { type: "string", description: "The widget" } }]);
    expect(put?.["x-required-role"]).toBe("admin");
    // With a default, `size` is optional to send but always present in the output.
    expect(doc.components.schemas.OpenApiTestWidget?.required).toEqual(["name"]);
    expect(doc.components.schemas.OpenApiTestWidgetOutput?.required).toEqual(["name", "size"]);
    // An admin endpoint can refuse a lower role (403); a write can be refused as cross-site (403)
    // or for the caller's rate limit (429).
    expect(Object.keys(put?.responses ?? {})).toEqual(["200", "400", "401", "403", "404", "429", "500"]);
    expect(doc.paths["/drafts"]?.post?.requestBody?.content[JSON_TYPE]?.schema).toEqual({ $ref: "#/components/schemas/OpenApiTestDraft" });
    expect(Object.keys(doc.paths["/drafts"]?.post?.responses ?? {})).toEqual(["204", "400", "401", "403", "429", "500"]);
    expect(doc.paths["/drafts"]?.post?.security).toEqual([{ apiKey: ["conversations:write"] }]);
  });

  it("rejects a path placeholder without a params schema property", () => {
    const endpoint = defineEndpoint({
      id: "broken",
      method: "GET",
      path: "/widgets/{widget_id}/parts/{part_id}",
      tag: "Widgets",
      summary: "Broken",
      auth: "public",
      params,
      responses: { 200: { description: "OK" } },
    });
    expect(() => buildOpenApiDocument([endpoint])).toThrow(/part_id/);
  });
});
