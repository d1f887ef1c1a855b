import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { LockIcon } from "lucide-react";
import { AdminAccessDenied } from "@/components/admin/admin-access-denied";
import { adminKeys } from "@/components/admin/admin-api";
import { MembersManager } from "@/components/admin/members/members-manager";
import { Alert } from "@/components/ui/alert";
import { hasRole } from "@/server/auth/actor";
import { getDb } from "@/server/db/database";
import { listMembers } from "@/server/members/member-service";
import { requireAdminArea, type PageSearchParams } from "../admin-access";

export const metadata: Metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const access = await requireAdminArea("/admin/members", await searchParams);
  if (!access.allowed) return <AdminAccessDenied email={access.actor.email} role={access.actor.role} />;
  const { actor } = access;
  const isAdmin = hasRole(actor, "admin");
  const queryClient = new QueryClient();
  if (isAdmin) await queryClient.prefetchQuery({ queryKey: adminKeys.members(), queryFn: async () => ({ items: await listMembers({ db: getDb(), actor }) }) });
  return (
    <main id="main" className="mx-auto flex max-w-5xl flex-col gap-4 px-4 py-6">
      <h1 className="text-2xl font-semibold">Members</h1>
      <p className="text-sm text-muted-foreground">Who belongs to your organization, and with which role. A change reaches their open sessions within 30 seconds.</p>
      {isAdmin ? (
        <HydrationBoundary state={dehydrate(queryClient)}>
          <MembersManager currentUserId={actor.userId} />
        </HydrationBoundary>
      ) : (
        <Alert>
          <LockIcon aria-hidden />
          <p>Only admins can see and manage the members. Ask an admin of your organization if someone needs access.</p>
        </Alert>
      )}
    </main>
  );
}
