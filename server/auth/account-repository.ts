import "server-only";
import type { Queryable } from "@/server/db/database";
import { newId } from "@/server/db/ids";

export interface ProviderAccount {
  /** next-auth's provider id, e.g. "oidc" or "github". */
  provider: string;
  /** The provider's stable id for the person (OIDC `sub`, GitHub's numeric id). */
  providerAccountId: string;
}

/** The user an identity-provider account was linked to at an earlier sign-in, if any. */
export async function findLinkedUser(db: Queryable, account: ProviderAccount) {
  const linked = await db
    .selectFrom("Account as a")
    .innerJoin("User as u", "u.id", "a.userId")
    .select(["u.id", "u.email"])
    .where("a.provider", "=", account.provider)
    .where("a.providerAccountId", "=", account.providerAccountId)
    .executeTakeFirst();
  return linked ?? null;
}

/**
 * Links a provider account to a user. Two first sign-ins of one account at once both succeed: the
 * loser's insert does nothing and it finds the winner's link. No provider tokens are stored: the
 * app never calls the provider's APIs after sign-in.
 */
export async function linkAccount(db: Queryable, userId: string, account: ProviderAccount & { type: string }): Promise<void> {
  await db
    .insertInto("Account")
    .values({ id: newId(), userId, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId })
    .onConflict((conflict) => conflict.columns(["provider", "providerAccountId"]).doNothing())
    .execute();
  if ((await findLinkedUser(db, account))?.id !== userId) {
    throw new Error(`The ${account.provider} account is already linked to another user`);
  }
}
