import "server-only";
import type { Queryable } from "@/server/db/client";

const MEMBERSHIP_SELECT = {
  role: true,
  organizationId: true,
  organization: { select: { name: true } },
  user: { select: { id: true, email: true, name: true } },
} as const;

/** The user's membership (oldest first when they belong to several organizations). */
export function findMembershipByEmail(db: Queryable, email: string) {
  return db.membership.findFirst({
    where: { user: { email: email.toLowerCase() } },
    orderBy: { createdAt: "asc" },
    select: MEMBERSHIP_SELECT,
  });
}

/** Same as findMembershipByEmail, for a user already known by id (a linked account). */
export function findMembershipByUserId(db: Queryable, userId: string) {
  return db.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select: MEMBERSHIP_SELECT });
}

export type MembershipWithUser = NonNullable<Awaited<ReturnType<typeof findMembershipByUserId>>>;
