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
 * Links a provider account to a user. Two first sign-ins of one account at once both succeed: the
 * loser finds the winner's link (an upsert is not atomic on every provider). No provider tokens are
 * stored: the app never calls the provider's APIs after sign-in.
 */
export async function linkAccount(db: Queryable, userId: string, account: ProviderAccount & { type: string }): Promise<void> {
  try {
    await db.account.create({
      data: { userId, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
      select: { id: true },
    });
  } catch (error) {
    if ((await findLinkedUser(db, account))?.id !== userId) throw error;
  }
}
