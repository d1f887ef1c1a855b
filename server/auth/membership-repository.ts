import "server-only";
import type { Queryable } from "@/server/db/database";

function memberships(db: Queryable) {
  return db
    .selectFrom("Membership as m")
    .innerJoin("User as u", "u.id", "m.userId")
    .innerJoin("Organization as o", "o.id", "m.organizationId")
    .select(["m.role", "m.organizationId", "o.name as organizationName", "u.id as userId", "u.email", "u.name"])
    .orderBy("m.createdAt")
    .orderBy("m.id");
}

/** The user's membership (oldest first when they belong to several organizations). */
export async function findMembershipByEmail(db: Queryable, email: string) {
  return (await memberships(db).where("u.email", "=", email.toLowerCase()).executeTakeFirst()) ?? null;
}

/** Same as findMembershipByEmail, for a user already known by id (a linked account). */
export async function findMembershipByUserId(db: Queryable, userId: string) {
  return (await memberships(db).where("u.id", "=", userId).executeTakeFirst()) ?? null;
}

export type MembershipWithUser = NonNullable<Awaited<ReturnType<typeof findMembershipByUserId>>>;
