import "server-only";
import { getDb } from "@/server/db/client";

/** Everyone who can sign in, for the demo sign-in picker. */
export async function listDemoUsers() {
  const memberships = await getDb().membership.findMany({
    orderBy: [{ organization: { slug: "asc" } }, { role: "asc" }],
    select: { role: true, organization: { select: { name: true } }, user: { select: { email: true, name: true } } },
  });
  return memberships.map((membership) => ({
    email: membership.user.email,
    name: membership.user.name,
    role: membership.role,
    organizationName: membership.organization.name,
  }));
}
