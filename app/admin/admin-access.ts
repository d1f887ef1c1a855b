import "server-only";
import { redirect } from "next/navigation";
import { hasRole, type UserActor } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/current-actor";

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The path with its query, for the sign-in callback. */
function pathWithQuery(path: string, searchParams: PageSearchParams | undefined): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams ?? {})) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, one);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Who may see an admin page: a signed-out visitor is sent to sign-in and comes back here; a member
 * gets `{ allowed: false }` (the page shows why); reviewers and admins get their actor.
 */
export async function requireAdminArea(
  path: string,
  searchParams?: PageSearchParams,
): Promise<{ allowed: true; actor: UserActor } | { allowed: false; actor: UserActor }> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(pathWithQuery(path, searchParams))}`);
  return hasRole(actor, "reviewer") ? { allowed: true, actor } : { allowed: false, actor };
}
