import "server-only";
import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from "@/lib/api/access-token-schemas";
import { parseScopes } from "@/lib/api/api-key-scopes";
import { recordAudit } from "@/server/audit/audit-log";
import { inTransaction, type Db } from "@/server/db/database";
import { isoNow } from "@/server/db/ids";
import { notFound } from "@/server/errors";
import type { UserActor } from "./actor";
import { createApiKey } from "./api-keys";

// The API keys page: admins create, list and revoke their organization's keys. Creating and
// revoking are recorded in the audit log.

interface ApiKeyContext {
  db: Db;
  actor: UserActor;
}

const auditActor = (actor: UserActor) => ({ type: "user" as const, userId: actor.userId });

export async function listApiKeys(ctx: ApiKeyContext): Promise<ApiKey[]> {
  const rows = await ctx.db
    .selectFrom("ApiKey as k")
    .leftJoin("User as u", "u.id", "k.createdById")
    .select(["k.id", "k.name", "k.prefix", "k.scopes", "k.createdAt", "k.lastUsedAt", "k.revokedAt", "u.email as createdByEmail"])
    .where("k.organizationId", "=", ctx.actor.organizationId)
    .orderBy("k.createdAt", "desc")
    .orderBy("k.id", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    created_at: row.createdAt,
    created_by_email: row.createdByEmail,
    last_used_at: row.lastUsedAt,
    revoked_at: row.revokedAt,
  }));
}

export async function createOrganizationApiKey(ctx: ApiKeyContext, input: CreateApiKeyBody): Promise<CreatedApiKey> {
  return inTransaction(ctx.db, async (tx) => {
    const created = await createApiKey(tx, { organizationId: ctx.actor.organizationId, name: input.name, scopes: input.scopes, createdById: ctx.actor.userId });
    await recordAudit(tx, {
      organizationId: ctx.actor.organizationId,
      actor: auditActor(ctx.actor),
      action: "api_key.created",
      target: { type: "api_key", id: created.id },
      data: { name: created.name, prefix: created.prefix, scopes: input.scopes },
      at: created.createdAt,
    });
    return {
      id: created.id,
      name: created.name,
      prefix: created.prefix,
      scopes: input.scopes,
      created_at: created.createdAt,
      created_by_email: ctx.actor.email,
      last_used_at: null,
      revoked_at: null,
      key: created.key,
    };
  });
}

/** Revokes a key of the admin's organization at once (404 for others). Idempotent: the first revocation stays. */
export async function revokeApiKey(ctx: ApiKeyContext, apiKeyId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const key = await tx
      .selectFrom("ApiKey")
      .select(["id", "name", "prefix", "revokedAt"])
      .where("id", "=", apiKeyId)
      .where("organizationId", "=", ctx.actor.organizationId)
      .executeTakeFirst();
    if (!key) throw notFound("API key not found");
    if (key.revokedAt) return;
    const now = isoNow();
    await tx.updateTable("ApiKey").set({ revokedAt: now }).where("id", "=", key.id).execute();
    await recordAudit(tx, {
      organizationId: ctx.actor.organizationId,
      actor: auditActor(ctx.actor),
      action: "api_key.revoked",
      target: { type: "api_key", id: key.id },
      data: { name: key.name, prefix: key.prefix },
      at: now,
    });
  });
}
