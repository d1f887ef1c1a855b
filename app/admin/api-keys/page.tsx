import type { Metadata } from "next";
import { LockIcon } from "lucide-react";
import { AdminAccessDenied } from "@/components/admin/admin-access-denied";
import { ApiKeysManager } from "@/components/admin/api-keys/api-keys-manager";
import { Alert } from "@/components/ui/alert";
import { hasRole } from "@/server/auth/actor";
import { listApiKeys } from "@/server/auth/api-key-service";
import { getDb } from "@/server/db/database";
import { requireAdminArea, type PageSearchParams } from "../admin-access";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const access = await requireAdminArea("/admin/api-keys", await searchParams);
  if (!access.allowed) return <AdminAccessDenied email={access.actor.email} role={access.actor.role} />;
  const isAdmin = hasRole(access.actor, "admin");
  return (
    <main id="main" className="mx-auto flex max-w-5xl flex-col gap-4 px-4 py-6">
      <h1 className="text-2xl font-semibold">API keys</h1>
      <p className="text-sm text-muted-foreground">
        Keys let your backends call the API for the whole organization: register conversations, mint feedback tokens for your users&apos; browsers, or read the
        review queue. A revoked key stops at once.
      </p>
      {isAdmin ? (
        <ApiKeysManager initial={await listApiKeys({ db: getDb(), actor: access.actor })} />
      ) : (
        <Alert>
          <LockIcon aria-hidden />
          <p>Only admins manage API keys. Ask an admin of your organization for a key.</p>
        </Alert>
      )}
    </main>
  );
}
