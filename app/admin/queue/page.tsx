import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import { AdminAccessDenied } from "@/components/admin/admin-access-denied";
import { adminKeys } from "@/components/admin/admin-api";
import { queueSearchParams, toQueueQuery } from "@/components/admin/queue/queue-params";
import { ReviewQueue } from "@/components/admin/queue/review-queue";
import { FeedbackQueueQuerySchema } from "@/lib/api/admin-schemas";
import { getReviewItem, listReviewQueue } from "@/server/admin/review-service";
import { getFeedbackStats } from "@/server/admin/stats-service";
import { getDb } from "@/server/db/database";
import { getSettings } from "@/server/settings/settings-service";
import { requireAdminArea, type PageSearchParams } from "../admin-access";

export const metadata: Metadata = { title: "Queue" };
export const dynamic = "force-dynamic";

const loadQueueParams = createLoader(queueSearchParams);

/** The first screen comes with its data: the page, the counts, the settings and the open item. */
export default async function QueuePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const raw = await searchParams;
  const access = await requireAdminArea("/admin/queue", raw);
  if (!access.allowed) return <AdminAccessDenied email={access.actor.email} role={access.actor.role} />;
  const params = loadQueueParams(raw);
  const query = toQueueQuery(params);
  const ctx = { db: getDb(), actor: access.actor };
  const queryClient = new QueryClient();
  const parsed = FeedbackQueueQuerySchema.safeParse(query);
  await Promise.all([
    // An invalid combination is left to the client, which shows the API's own error.
    parsed.success ? queryClient.prefetchQuery({ queryKey: adminKeys.queue(query), queryFn: () => listReviewQueue(ctx, parsed.data) }) : null,
    queryClient.prefetchQuery({ queryKey: adminKeys.stats(), queryFn: () => getFeedbackStats(ctx) }),
    queryClient.prefetchQuery({ queryKey: adminKeys.settings(), queryFn: () => getSettings(ctx) }),
    // An unknown id in a shared link fails here silently; the pane then shows the API's "not found".
    params.item ? queryClient.prefetchQuery({ queryKey: adminKeys.item(params.item), queryFn: () => getReviewItem(ctx, params.item!) }) : null,
  ]);
  return (
    <main id="main" className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-6">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ReviewQueue />
      </HydrationBoundary>
    </main>
  );
}
