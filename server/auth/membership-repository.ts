import "server-only";
import type { Queryable } from "@/server/db/database";

/** The user's membership (oldest first when they belong to several organizations). */
export function findMembershipByEmail(db: Queryable, email: string) {
  return db
    .selectFrom("Membership as m")
    .innerJoin("User as u", "u.id", "m.userId")
    .innerJoin("Organization as o", "o.id", "m.organizationId")
    .select(["m.role", "m.organizationId", "o.name as organizationName", "u.id as userId", "u.email", "u.name"])
    .where("u.email", "=", email.toLowerCase())
    .orderBy("m.createdAt")
    .orderBy("m.id")
    .executeTakeFirst();
}
