import "server-only";
import { randomBytes } from "node:crypto";
import type { Queryable } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { notFound, unauthenticated } from "@/server/errors";
import type { UserActor } from "./actor";
import { hashSecret, recordUse } from "./api-keys";

// Personal access tokens: a user's own bearer credential for scripts and single-page apps of the
// original API's kind. Stored hashed; the role is read from the membership on every request, so a
// role change or removal applies to the next call.

export const PERSONAL_ACCESS_TOKEN_PREFIX = "fk_pat_";
/** Expiry choices offered (days); null = no expiry. */
export const PERSONAL_ACCESS_TOKEN_EXPIRY_DAYS = [7, 30, 90, null] as const;
export type PersonalAccessTokenExpiryDays = (typeof PERSONAL_ACCESS_TOKEN_EXPIRY_DAYS)[number];

const DAY_MS = 86_400_000;

export interface PersonalAccessTokenOwner {
  userId: string;
  organizationId: string;
}

export async function createPersonalAccessToken(
  db: Queryable,
  owner: PersonalAccessTokenOwner,
  input: { name: string; expiresInDays: PersonalAccessTokenExpiryDays },
  now = new Date(),
) {
  const plaintext = `${PERSONAL_ACCESS_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await db
    .insertInto("PersonalAccessToken")
    .values({
      id: newId(),
      organizationId: owner.organizationId,
      userId: owner.userId,
      name: input.name,
      prefix: plaintext.slice(0, PERSONAL_ACCESS_TOKEN_PREFIX.length + 6),
      hashedToken: hashSecret(plaintext),
      expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
      createdAt: now.toISOString(),
    })
    .returning(["id", "name", "prefix", "expiresAt", "lastUsedAt", "revokedAt", "createdAt"])
    .executeTakeFirstOrThrow();
  return { ...row, token: plaintext };
}

/** The user's tokens in this organization, newest first (revoked ones too, so the list explains a 401). */
export function listPersonalAccessTokens(db: Queryable, owner: PersonalAccessTokenOwner) {
  return db
    .selectFrom("PersonalAccessToken")
    .select(["id", "name", "prefix", "expiresAt", "lastUsedAt", "revokedAt", "createdAt"])
    .where("userId", "=", owner.userId)
    .where("organizationId", "=", owner.organizationId)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** Revokes one of the user's own tokens (404 for anyone else's). Idempotent: the first revocation time stays. */
export async function revokePersonalAccessToken(db: Queryable, owner: PersonalAccessTokenOwner, tokenId: string): Promise<void> {
  const token = await db
    .selectFrom("PersonalAccessToken")
    .select(["id", "revokedAt"])
    .where("id", "=", tokenId)
    .where("userId", "=", owner.userId)
    .where("organizationId", "=", owner.organizationId)
    .executeTakeFirst();
  if (!token) throw notFound("Token not found");
  if (!token.revokedAt) await db.updateTable("PersonalAccessToken").set({ revokedAt: isoNow() }).where("id", "=", token.id).execute();
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
