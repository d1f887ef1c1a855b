// The signed-in user's personal access tokens and the organization's API keys (admins).
import { z } from "zod";
import {
  ApiKeyListSchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
  CreatedPersonalAccessTokenSchema,
  CreatePersonalAccessTokenBodySchema,
  PersonalAccessTokenListSchema,
} from "./access-token-schemas";
import { defineEndpoint } from "./endpoint";
import { idSchema } from "./schemas";

const IdParamsSchema = z.object({ id: idSchema });

export const listPersonalAccessTokens = defineEndpoint({
  id: "listPersonalAccessTokens",
  method: "GET",
  path: "/api/account/tokens",
  tag: "Personal access tokens",
  summary: "The caller's personal access tokens",
  description: "Newest first, revoked and expired ones included (their `revoked_at` / `expires_at` say why they stopped). Never the secrets.",
  auth: "member",
  responses: { 200: { description: "The caller's tokens", schema: PersonalAccessTokenListSchema } },
});

export const createPersonalAccessToken = defineEndpoint({
  id: "createPersonalAccessToken",
  method: "POST",
  path: "/api/account/tokens",
  tag: "Personal access tokens",
  summary: "Create a personal access token",
  description:
    "The answer carries the secret (`fk_pat_…`) this once; only its hash is stored. Send it as " +
    "`Authorization: Bearer fk_pat_…`: it acts as the caller, with their role at the time of each request, on every " +
    "user and admin endpoint, until it expires or is revoked.",
  auth: "member",
  body: CreatePersonalAccessTokenBodySchema,
  responses: { 201: { description: "Token created; the secret is shown once", schema: CreatedPersonalAccessTokenSchema } },
});

export const revokePersonalAccessToken = defineEndpoint({
  id: "revokePersonalAccessToken",
  method: "DELETE",
  path: "/api/account/tokens/{id}",
  tag: "Personal access tokens",
  summary: "Revoke one of the caller's personal access tokens",
  description: "It stops at once (the next request with it gets 401). Idempotent. 404 for anyone else's token.",
  auth: "member",
  params: IdParamsSchema,
  responses: { 204: { description: "Revoked (or already revoked)" } },
  errors: ["not_found"],
});

export const listApiKeys = defineEndpoint({
  id: "listApiKeys",
  method: "GET",
  path: "/api/admin/api-keys",
  tag: "API keys",
  summary: "The organization's API keys",
  description: "Newest first, revoked ones included. Never the secrets.",
  auth: "admin",
  responses: { 200: { description: "The organization's keys", schema: ApiKeyListSchema } },
});

export const createApiKey = defineEndpoint({
  id: "createApiKey",
  method: "POST",
  path: "/api/admin/api-keys",
  tag: "API keys",
  summary: "Create an organization API key",
  description: "The answer carries the secret (`fk_key_…`) this once; only its hash is stored. Recorded in the audit log.",
  auth: "admin",
  body: CreateApiKeyBodySchema,
  responses: { 201: { description: "Key created; the secret is shown once", schema: CreatedApiKeySchema } },
});

export const revokeApiKey = defineEndpoint({
  id: "revokeApiKey",
  method: "DELETE",
  path: "/api/admin/api-keys/{id}",
  tag: "API keys",
  summary: "Revoke an organization API key",
  description: "It stops at once: the key is looked up on every request. Idempotent; recorded in the audit log. 404 for another organization's key.",
  auth: "admin",
  params: IdParamsSchema,
  responses: { 204: { description: "Revoked (or already revoked)" } },
  errors: ["not_found"],
});

export const accessTokenEndpoints = [listPersonalAccessTokens, createPersonalAccessToken, revokePersonalAccessToken, listApiKeys, createApiKey, revokeApiKey] as const;
