import "server-only";
import { getDb } from "@/server/db/database";

const ROLE_ORDER = { member: 0, reviewer: 1, admin: 2 } as const;

/** Everyone who can sign in, for the demo sign-in picker: by organization, then by role. */
export async function listDemoUsers() {
  const memberships = await getDb()
    .selectFrom("Membership as m")
    .innerJoin("User as u", "u.id", "m.userId")
    .innerJoin("Organization as o", "o.id", "m.organizationId")
    .select(["m.role", "o.slug", "o.name as organizationName", "u.email", "u.name"])
    .execute();
  return memberships
    .sort((a, b) => a.slug.localeCompare(b.slug) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
    .map(({ email, name, role, organizationName }) => ({ email, name, role, organizationName }));
}
