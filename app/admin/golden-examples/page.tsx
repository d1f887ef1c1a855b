import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import { AdminAccessDenied } from "@/components/admin/admin-access-denied";
import { adminKeys } from "@/components/admin/admin-api";
import { GoldenExamplesList } from "@/components/admin/golden/golden-examples-list";
import { goldenSearchParams, toGoldenQuery } from "@/components/admin/golden/golden-params";
import { GoldenExampleListQuerySchema } from "@/lib/api/admin-schemas";
import { getDb } from "@/server/db/database";
import { listGoldenExamples } from "@/server/golden-examples/golden-example-service";
import { requireAdminArea, type PageSearchParams } from "../admin-access";

export const metadata: Metadata = { title: "Golden examples" };
export const dynamic = "force-dynamic";

const loadGoldenParams = createLoader(goldenSearchParams);

export default async function GoldenExamplesPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const raw = await searchParams;
  const access = await requireAdminArea("/admin/golden-examples", raw);
  if (!access.allowed) return <AdminAccessDenied email={access.actor.email} role={access.actor.role} />;
  const query = toGoldenQuery(loadGoldenParams(raw));
  const parsed = GoldenExampleListQuerySchema.safeParse(query);
  const queryClient = new QueryClient();
  if (parsed.success) {
    await queryClient.prefetchQuery({ queryKey: adminKeys.goldenExampleList(query), queryFn: () => listGoldenExamples({ db: getDb(), actor: access.actor }, parsed.data) });
  }
  return (
    <main id="main" className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-6">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <GoldenExamplesList />
      </HydrationBoundary>
    </main>
  );
}
