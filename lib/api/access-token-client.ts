// The browser client of the personal access token and API key endpoints (the account and admin
// pages). Contracts are imported as types only, so a changed path or method fails to compile here.
import type * as contracts from "./access-token-endpoints";
import type { ApiKey, CreatedApiKey, CreatedPersonalAccessToken, PersonalAccessToken } from "./access-token-schemas";
import { createJsonRequest, type BodyOf, type JsonRequestOptions, type RouteOf as Route } from "./json-request";

const ROUTES = {
  listTokens: { method: "GET", path: "/api/account/tokens" },
  createToken: { method: "POST", path: "/api/account/tokens" },
  revokeToken: { method: "DELETE", path: "/api/account/tokens/{id}" },
  listApiKeys: { method: "GET", path: "/api/admin/api-keys" },
  createApiKey: { method: "POST", path: "/api/admin/api-keys" },
  revokeApiKey: { method: "DELETE", path: "/api/admin/api-keys/{id}" },
} as const satisfies {
  listTokens: Route<typeof contracts.listPersonalAccessTokens>;
  createToken: Route<typeof contracts.createPersonalAccessToken>;
  revokeToken: Route<typeof contracts.revokePersonalAccessToken>;
  listApiKeys: Route<typeof contracts.listApiKeys>;
  createApiKey: Route<typeof contracts.createApiKey>;
  revokeApiKey: Route<typeof contracts.revokeApiKey>;
};

export type CreateTokenInput = BodyOf<typeof contracts.createPersonalAccessToken>;
export type CreateApiKeyInput = BodyOf<typeof contracts.createApiKey>;

export interface AccessTokenClient {
  listTokens(): Promise<PersonalAccessToken[]>;
  createToken(body: CreateTokenInput): Promise<CreatedPersonalAccessToken>;
  revokeToken(id: string): Promise<void>;
  listApiKeys(): Promise<ApiKey[]>;
  createApiKey(body: CreateApiKeyInput): Promise<CreatedApiKey>;
  revokeApiKey(id: string): Promise<void>;
}

export function createAccessTokenClient(options: JsonRequestOptions = {}): AccessTokenClient {
  const request = createJsonRequest(options);
  return {
    listTokens: async () => (await request<{ items: PersonalAccessToken[] }, "/api/account/tokens">(ROUTES.listTokens)).items,
    createToken: (body) => request(ROUTES.createToken, { body }),
    revokeToken: (id) => request(ROUTES.revokeToken, { params: { id } }),
    listApiKeys: async () => (await request<{ items: ApiKey[] }, "/api/admin/api-keys">(ROUTES.listApiKeys)).items,
    createApiKey: (body) => request(ROUTES.createApiKey, { body }),
    revokeApiKey: (id) => request(ROUTES.revokeApiKey, { params: { id } }),
  };
}

export const accessTokenApi = createAccessTokenClient();

export const accessTokenKeys = {
  tokens: () => ["account", "tokens"] as const,
  apiKeys: () => ["admin", "api-keys"] as const,
};
