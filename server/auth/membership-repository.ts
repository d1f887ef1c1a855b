import "server-only";
import type { Queryable } from "@/server/db/client";

/** The user's membership (oldest first when they belong to several organizations). */
export function findMembershipByEmail(db: Queryable, email: string) {
  return db.membership.findFirst({
    where: { user: { email: email.toLowerCase() } },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      organizationId: true,
      organization: { select: { name: true } },
      user: { select: { id: true, email: true, name: true } },
    },
  });
}
