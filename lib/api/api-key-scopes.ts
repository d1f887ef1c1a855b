// What an organization API key may do. Stored on the key (space-separated); an endpoint contract
// names the one scope it needs (lib/api/endpoint.ts `apiKeyScope`). Safe in the browser: the API
// keys page lists them.
import { z } from "zod";

export const API_KEY_SCOPES = {
  "conversations:write": "Register conversations and messages (the ingestion API)",
  "feedback_tokens:mint": "Mint short-lived feedback tokens for the organization's users (POST /api/feedback-tokens)",
  "feedback:read": "Read the review queue, one item and the stats (GET /api/feedback/admin/list, /stats, /stats/daily, /{id})",
} as const;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;

export const API_KEY_SCOPE_NAMES = Object.keys(API_KEY_SCOPES) as [ApiKeyScope, ...ApiKeyScope[]];

export const ApiKeyScopeSchema = z.enum(API_KEY_SCOPE_NAMES).describe("What the key may do").meta({ id: "ApiKeyScope" });

/** Scopes as stored: space-separated, unknown names dropped (a scope removed from the code grants nothing). */
export function parseScopes(stored: string): ApiKeyScope[] {
  return stored.split(" ").filter((scope): scope is ApiKeyScope => Object.hasOwn(API_KEY_SCOPES, scope));
}
