import "server-only";
import { randomBytes } from "node:crypto";
import type { CreatedPersonalAccessToken, CreatePersonalAccessTokenBody, PersonalAccessToken } from "@/lib/api/access-token-schemas";
import type { Queryable } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { notFound, unauthenticated } from "@/server/errors";
import type { UserActor } from "./actor";
import { hashSecret, recordUse } from "./api-keys";

// Personal access tokens: a user's own bearer credential for scripts and single-page apps of the
// original API's kind. Stored hashed; the role is read from the membership on every request, so a
// role change or removal applies to the next call.

export const PERSONAL_ACCESS_TOKEN_PREFIX = "fk_pat_";
const DAY_MS = 86_400_000;

interface TokenContext {
  db: Queryable;
  actor: UserActor;
  now?: () => Date;
}

const COLUMNS = ["id", "name", "prefix", "expiresAt", "lastUsedAt", "revokedAt", "createdAt"] as const;

function toApi(row: { id: string; name: string; prefix: string; expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null; createdAt: string }): PersonalAccessToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    created_at: row.createdAt,
    expires_at: row.expiresAt,
    last_used_at: row.lastUsedAt,
    revoked_at: row.revokedAt,
  };
}

/** A token for the caller in their organization. The secret is returned once; only its hash is stored. */
export async function createPersonalAccessToken(ctx: TokenContext, input: CreatePersonalAccessTokenBody): Promise<CreatedPersonalAccessToken> {
  const now = (ctx.now ?? (() => new Date()))();
  const plaintext = `${PERSONAL_ACCESS_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await ctx.db
    .insertInto("PersonalAccessToken")
    .values({
      id: newId(),
      organizationId: ctx.actor.organizationId,
      userId: ctx.actor.userId,
      name: input.name,
      prefix: plaintext.slice(0, PERSONAL_ACCESS_TOKEN_PREFIX.length + 6),
      hashedToken: hashSecret(plaintext),
      expiresAt: input.expires_in_days === null ? null : new Date(now.getTime() + input.expires_in_days * DAY_MS).toISOString(),
      createdAt: now.toISOString(),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...toApi(row), token: plaintext };
}

/** The caller's tokens in this organization, newest first (revoked ones too, so the list explains a 401). */
export async function listPersonalAccessTokens(ctx: TokenContext): Promise<PersonalAccessToken[]> {
  const rows = await ctx.db
    .selectFrom("PersonalAccessToken")
    .select(COLUMNS)
    .where("userId", "=", ctx.actor.userId)
    .where("organizationId", "=", ctx.actor.organizationId)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toApi);
}

/** Revokes one of the caller's own tokens (404 for anyone else's). Idempotent: the first revocation time stays. */
export async function revokePersonalAccessToken(ctx: TokenContext, tokenId: string): Promise<void> {
  const token = await ctx.db
    .selectFrom("PersonalAccessToken")
    .select(["id", "revokedAt"])
    .where("id", "=", tokenId)
    .where("userId", "=", ctx.actor.userId)
    .where("organizationId", "=", ctx.actor.organizationId)
    .executeTakeFirst();
  if (!token) throw notFound("Token not found");
  if (!token.revokedAt) await ctx.db.updateTable("PersonalAccessToken").set({ revokedAt: isoNow() }).where("id", "=", token.id).execute();
}

/** The user a token acts as, with their current role; 401 with the reason for anything unusable. */
export async function verifyPersonalAccessToken(db: Queryable, presented: string, now = new Date()): Promise<UserActor> {
  const row = await db
    .selectFrom("PersonalAccessToken as t")
    .innerJoin("User as u", "u.id", "t.userId")
    .leftJoin("Membership as m", (join) => join.onRef("m.userId", "=", "t.userId").onRef("m.organizationId", "=", "t.organizationId"))
    .select(["t.id", "t.userId", "t.organizationId", "t.expiresAt", "t.revokedAt", "t.lastUsedAt", "m.role", "u.email", "u.name"])
    .where("t.hashedToken", "=", hashSecret(presented))
    .executeTakeFirst();
  if (!row) throw unauthenticated("Invalid personal access token");
  if (row.revokedAt) throw unauthenticated(`This personal access token was revoked at ${row.revokedAt}`);
  if (row.expiresAt && Date.parse(row.expiresAt) <= now.getTime()) throw unauthenticated(`This personal access token expired at ${row.expiresAt}`);
  if (!row.role) throw unauthenticated("This personal access token's user is no longer a member of the organization");
  await recordUse(db, "PersonalAccessToken", row, now);
  return {
    kind: "user",
    userId: row.userId,
    organizationId: row.organizationId,
    role: row.role,
    email: row.email,
    name: row.name,
    credential: { kind: "personal_access_token", tokenId: row.id },
  };
}
