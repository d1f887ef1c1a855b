import type { Metadata } from "next";
import { AdminAccessDenied } from "@/components/admin/admin-access-denied";
import { SettingsForm } from "@/components/admin/settings/settings-form";
import { hasRole } from "@/server/auth/actor";
import { getDb } from "@/server/db/database";
import { getSettings } from "@/server/settings/settings-service";
import { requireAdminArea, type PageSearchParams } from "../admin-access";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const access = await requireAdminArea("/admin/settings", await searchParams);
  if (!access.allowed) return <AdminAccessDenied email={access.actor.email} role={access.actor.role} />;
  const settings = await getSettings({ db: getDb(), actor: access.actor });
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <p className="text-sm text-muted-foreground">How your organization collects feedback. A change applies to the very next vote.</p>
      <SettingsForm initial={settings} canEdit={hasRole(access.actor, "admin")} />
    </main>
  );
}
