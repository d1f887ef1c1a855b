import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { parseScopes, type ApiKeyScope } from "@/lib/api/api-key-scopes";
import type { Queryable } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import type { ApiKeyActor } from "./actor";

export const API_KEY_PREFIX = "fk_key_";
const LAST_USED_PRECISION_MS = 60_000;

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Creates an organization API key. The plaintext is returned once and only its hash is stored. */
export async function createApiKey(db: Queryable, input: { organizationId: string; name: string; scopes: readonly ApiKeyScope[]; createdById?: string | null }) {
  const plaintext = `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const apiKey = await db
    .insertInto("ApiKey")
    .values({
      id: newId(),
      organizationId: input.organizationId,
      name: input.name,
      prefix: plaintext.slice(0, API_KEY_PREFIX.length + 6),
      hashedKey: hashSecret(plaintext),
      scopes: [...new Set(input.scopes)].join(" "),
      createdById: input.createdById ?? null,
      createdAt: isoNow(),
    })
    .returning(["id", "name", "prefix", "createdAt"])
    .executeTakeFirstOrThrow();
  return { ...apiKey, key: plaintext };
}

/** Records a credential's last use at minute precision, so a busy client does not write on every call. */
export async function recordUse(db: Queryable, table: "ApiKey" | "PersonalAccessToken", row: { id: string; lastUsedAt: string | null }, now: Date): Promise<void> {
  if (row.lastUsedAt && now.getTime() - Date.parse(row.lastUsedAt) <= LAST_USED_PRECISION_MS) return;
  await db.updateTable(table).set({ lastUsedAt: now.toISOString() }).where("id", "=", row.id).execute();
}

/** The organization behind a presented API key, or null for unknown and revoked keys. */
export async function verifyApiKey(db: Queryable, presented: string): Promise<ApiKeyActor | null> {
  if (!presented.startsWith(API_KEY_PREFIX)) return null;
  const apiKey = await db
    .selectFrom("ApiKey")
    .select(["id", "organizationId", "scopes", "revokedAt", "lastUsedAt"])
    .where("hashedKey", "=", hashSecret(presented))
    .executeTakeFirst();
  if (!apiKey || apiKey.revokedAt) return null;
  await recordUse(db, "ApiKey", apiKey, new Date());
  return { kind: "api_key", apiKeyId: apiKey.id, organizationId: apiKey.organizationId, scopes: parseScopes(apiKey.scopes) };
}
