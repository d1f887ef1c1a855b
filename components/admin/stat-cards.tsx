import type { FeedbackStats } from "@/lib/api/admin-schemas";
import { formatPercent } from "./format";

/** The organization's counters as a description list: one card per figure. */
export function StatCards({ stats }: { stats: FeedbackStats }) {
  const voted = stats.positive_count + stats.negative_count;
  const cards = [
    { label: "Feedback", value: stats.total_feedback, hint: voted ? `${formatPercent(stats.positive_count / voted)} positive` : "none yet" },
    { label: "Positive", value: stats.positive_count },
    { label: "Negative", value: stats.negative_count },
    { label: "Pending", value: stats.pending_count, hint: "waiting for a reviewer" },
    { label: "Auto-approved", value: stats.auto_approved_count },
    { label: "Reviewed", value: stats.reviewed_count },
    { label: "Dismissed", value: stats.dismissed_count },
    { label: "Golden examples", value: stats.golden_examples_count, hint: "active" },
  ];
  return (
    <dl data-slot="stat-cards" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {cards.map((card) => (
        <div key={card.label} className="flex flex-col gap-1 rounded-lg border border-border p-3">
          <dt className="text-xs font-medium text-muted-foreground">{card.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{card.value.toLocaleString("en")}</dd>
          {card.hint ? <dd className="text-xs text-muted-foreground">{card.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
