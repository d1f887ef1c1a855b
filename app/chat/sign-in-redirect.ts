import "server-only";
import { redirect } from "next/navigation";
import type { UserActor } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/current-actor";

/** The signed-in user, or a redirect to sign-in that comes back to `path` afterwards. */
export async function requireSignedIn(path: string): Promise<UserActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}
