import "server-only";
import type { Queryable } from "@/server/db/database";
import { findLinkedUser, linkAccount, type ProviderAccount } from "./account-repository";
import { findMembershipByEmail, findMembershipByUserId, type MembershipWithUser } from "./membership-repository";

export type RefusalReason = "not_invited" | "email_missing" | "email_unverified";

export type SignInDecision =
  | { admitted: true; membership: MembershipWithUser }
  | { admitted: false; reason: RefusalReason; email: string | null };

export interface OAuthIdentity extends ProviderAccount {
  type: string;
  email: string | null | undefined;
  /** The provider's `email_verified` claim, as sent (some providers send strings). */
  emailVerified: unknown;
}

const refuse = (reason: RefusalReason, email: string | null): SignInDecision => ({ admitted: false, reason, email });

/**
 * Invite-only sign-in through an identity provider. An account linked before is recognised by the
 * provider's stable id, whatever its email says now; otherwise the email must be verified and
 * belong to a member, and the account is linked to that member's user. Nobody else gets a row.
 */
export async function admitOAuthSignIn(db: Queryable, identity: OAuthIdentity): Promise<SignInDecision> {
  const linked = await findLinkedUser(db, identity);
  if (linked) {
    const membership = await findMembershipByUserId(db, linked.id);
    return membership ? { admitted: true, membership } : refuse("not_invited", linked.email);
  }
  const email = identity.email?.trim().toLowerCase();
  if (!email) return refuse("email_missing", null);
  // Only an explicit "not verified" is refused: Entra ID sends no such claim (docs/security.md).
  if (identity.emailVerified === false || identity.emailVerified === "false") return refuse("email_unverified", email);
  const membership = await findMembershipByEmail(db, email);
  if (!membership) return refuse("not_invited", email);
  await linkAccount(db, membership.userId, identity);
  return { admitted: true, membership };
}

/** The membership a just-admitted sign-in carries into the session token. */
export async function findSignedInMembership(db: Queryable, account: ProviderAccount & { type: string }, userId: string) {
  if (account.type === "credentials") return findMembershipByUserId(db, userId);
  const linked = await findLinkedUser(db, account);
  return linked ? findMembershipByUserId(db, linked.id) : null;
}
