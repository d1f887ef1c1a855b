import type { Metadata } from "next";
import Link from "next/link";
import { AdminAccessDenied } from "@/components/admin/admin-access-denied";
import { DailyFeedbackChart } from "@/components/admin/daily-feedback-chart";
import { DailyFeedbackTable } from "@/components/admin/daily-feedback-table";
import { StatCards } from "@/components/admin/stat-cards";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import { getDailyStats, getFeedbackStats } from "@/server/admin/stats-service";
import { getDb } from "@/server/db/database";
import { requireAdminArea, type PageSearchParams } from "./admin-access";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

const RANGES = [7, 30, 90] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = await searchParams;
  const access = await requireAdminArea("/admin", params);
  if (!access.allowed) return <AdminAccessDenied email={access.actor.email} role={access.actor.role} />;
  const days = RANGES.find((range) => String(range) === params.days) ?? 30;
  const ctx = { db: getDb(), actor: access.actor };
  const today = new Date();
  const from = new Date(today.getTime() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  const [stats, daily] = await Promise.all([getFeedbackStats(ctx), getDailyStats(ctx, { from, to: today.toISOString().slice(0, 10) })]);

  return (
    <main id="main" className="mx-auto flex max-w-screen-2xl flex-col gap-6 px-4 py-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">Overview</h1>
        <Link href="/admin/queue" className="text-sm font-medium text-primary underline underline-offset-4">
          Open the queue ({stats.pending_count} pending)
        </Link>
      </div>
      <StatCards stats={stats} />
      <Card aria-labelledby="daily-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="daily-heading" className="text-lg font-medium">
            Feedback per day
          </h2>
          <nav aria-label="Range">
            <ul className="flex gap-1">
              {RANGES.map((range) => (
                <li key={range}>
                  <Link
                    href={`/admin?days=${range}`}
                    aria-current={range === days ? "page" : undefined}
                    className={cn(
                      "rounded-md border border-border px-2.5 py-1 text-xs font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring",
                      range === days && "border-primary bg-muted",
                    )}
                  >
                    {range} days
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <DailyFeedbackChart days={daily.days} />
        <details className="text-sm">
          <summary className="cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-ring">Show the numbers as a table</summary>
          <div className="mt-2">
            <DailyFeedbackTable days={daily.days} />
          </div>
        </details>
      </Card>
    </main>
  );
}
