// The app's OpenAPI document, built once per server start (and prerendered at build time) from
// the same endpoint contracts the route wrapper validates with.
import packageJson from "@/package.json";
import { allEndpoints } from "./all-endpoints";
import { buildOpenApiDocument } from "./openapi";

export const OPENAPI_PATH = "/api/openapi.json";

export const openApiDocument = buildOpenApiDocument(allEndpoints, { version: packageJson.version });
