import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminProviders } from "@/components/admin/admin-providers";
import { AccessTokensLink } from "@/components/account/access-tokens-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { hasRole } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/current-actor";

export const metadata: Metadata = { title: { default: "Review", template: "%s · Review · Feedback Kit" } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  // Members and signed-out visitors never see the admin navigation: each page explains or redirects.
  if (!actor || !hasRole(actor, "reviewer")) return children;
  return (
    <AdminProviders>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:outline-2 focus:outline-ring"
      >
        Skip to content
      </a>
      <header className="border-b border-border">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-ring">
            Feedback Kit <span className="font-normal text-muted-foreground">Review</span>
          </Link>
          <AdminNav />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-muted-foreground">
              {actor.email} · {actor.role}
            </span>
            <AccessTokensLink />
            <SignOutButton />
          </div>
        </div>
      </header>
      {children}
    </AdminProviders>
  );
}
