// Personal access tokens (a user's own) and organization API keys (admins'): what the account and
// admin pages send and get back. Safe in the browser.
import { z } from "zod";
import { ApiKeyScopeSchema } from "./api-key-scopes";
import { text } from "./schemas";

const MAX_NAME_LENGTH = 100;
const nameSchema = text(MAX_NAME_LENGTH)
  .transform((value) => value.trim())
  .pipe(z.string().min(1, "must not be empty"));
const timestamp = z.iso.datetime({ offset: true });

/** Lifetimes offered for a personal access token, in days; null = it never expires. */
export const TOKEN_EXPIRY_DAYS = [7, 30, 90] as const;

export const CreatePersonalAccessTokenBodySchema = z
  .object({
    name: nameSchema.describe("What the token is for, e.g. the script that uses it"),
    expires_in_days: z
      .union([z.literal(7), z.literal(30), z.literal(90), z.null()])
      .describe("7, 30 or 90 days, or null for a token that never expires (revoke it when done)"),
  })
  .meta({ id: "CreatePersonalAccessTokenRequest" });
export type CreatePersonalAccessTokenBody = z.output<typeof CreatePersonalAccessTokenBodySchema>;

export const PersonalAccessTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The token's first characters, to tell tokens apart"),
    created_at: timestamp,
    expires_at: timestamp.nullable(),
    last_used_at: timestamp.nullable().describe("Minute precision"),
    revoked_at: timestamp.nullable(),
  })
  .meta({ id: "PersonalAccessToken" });
export type PersonalAccessToken = z.infer<typeof PersonalAccessTokenSchema>;

export const PersonalAccessTokenListSchema = z.object({ items: z.array(PersonalAccessTokenSchema) }).meta({ id: "PersonalAccessTokenList" });

export const CreatedPersonalAccessTokenSchema = PersonalAccessTokenSchema.extend({
  token: z.string().describe("The secret (fk_pat_…), shown this once: only its hash is stored"),
}).meta({ id: "CreatedPersonalAccessToken" });
export type CreatedPersonalAccessToken = z.infer<typeof CreatedPersonalAccessTokenSchema>;

export const CreateApiKeyBodySchema = z
  .object({
    name: nameSchema.describe("Which backend uses the key"),
    scopes: z
      .array(ApiKeyScopeSchema)
      .min(1, "must name at least one scope")
      .max(10, "must contain at most 10 items")
      .transform((scopes) => [...new Set(scopes)]),
  })
  .meta({ id: "CreateApiKeyRequest" });
export type CreateApiKeyBody = z.output<typeof CreateApiKeyBodySchema>;

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The key's first characters, to tell keys apart"),
    scopes: z.array(ApiKeyScopeSchema),
    created_at: timestamp,
    created_by_email: z.string().nullable(),
    last_used_at: timestamp.nullable().describe("Minute precision"),
    revoked_at: timestamp.nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) }).meta({ id: "ApiKeyList" });

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().describe("The secret (fk_key_…), shown this once: only its hash is stored"),
}).meta({ id: "CreatedApiKey" });
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;
