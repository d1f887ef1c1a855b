import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PersonalAccessTokens } from "@/components/account/personal-access-tokens";
import { AdminProviders } from "@/components/admin/admin-providers";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentActor } from "@/server/auth/current-actor";
import { listPersonalAccessTokens } from "@/server/auth/personal-access-tokens";
import { getDb } from "@/server/db/database";

export const metadata: Metadata = { title: "Access tokens" };
export const dynamic = "force-dynamic";

export default async function AccessTokensPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/account/tokens")}`);
  const tokens = await listPersonalAccessTokens({ db: getDb(), actor });
  return (
    <AdminProviders>
      <header className="border-b border-border">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-ring">
            Feedback Kit
          </Link>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-muted-foreground">
              {actor.email} · {actor.role}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto flex max-w-5xl flex-col gap-4 px-4 py-6">
        <h1 className="text-2xl font-semibold">Personal access tokens</h1>
        <p className="text-sm text-muted-foreground">
          A token lets a script or another app call the API as you, with the role you have at the time of each call, on every endpoint you may use. Send it as{" "}
          <code>Authorization: Bearer fk_pat_…</code>. Treat it like a password; revoke it when it is no longer needed.
        </p>
        <PersonalAccessTokens initial={tokens} />
      </main>
    </AdminProviders>
  );
}
