import "server-only";
import type { Queryable } from "@/server/db/client";

export interface ProviderAccount {
  /** next-auth's provider id, e.g. "oidc" or "github". */
  provider: string;
  /** The provider's stable id for the person (OIDC `sub`, GitHub's numeric id). */
  providerAccountId: string;
}

/** The user an identity-provider account was linked to at an earlier sign-in, if any. */
export async function findLinkedUser(db: Queryable, account: ProviderAccount) {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { user: { select: { id: true, email: true } } },
  });
  return linked?.user ?? null;
}

/**
 * Links a provider account to a user. Idempotent (two first sign-ins at once both succeed). No
 * provider tokens are stored: the app never calls the provider's APIs after sign-in.
 */
export async function linkAccount(db: Queryable, userId: string, account: ProviderAccount & { type: string }): Promise<void> {
  await db.account.upsert({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    create: { userId, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
    update: {},
  });
}
