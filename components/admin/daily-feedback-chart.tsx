// Feedback per day as a server-rendered SVG: no chart code reaches the browser, the colours are the
// theme's tokens (so both themes read), and a table carries the same numbers for screen readers.
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { DailyStats } from "@/lib/api/admin-schemas";
import { formatPercent, formatDay } from "./format";

type Day = DailyStats["days"][number];

const WIDTH = 1100;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 44, bottom: 28, left: 36 };

/** One sentence with the range's totals: the chart's accessible description. */
export function summarizeDays(days: readonly Day[]): string {
  const positive = days.reduce((sum, day) => sum + day.positive, 0);
  const negative = days.reduce((sum, day) => sum + day.negative, 0);
  const total = positive + negative;
  if (total === 0) return `No feedback between ${formatDay(days[0]?.date)} and ${formatDay(days.at(-1)?.date)}.`;
  return `${total} votes between ${formatDay(days[0]?.date)} and ${formatDay(days.at(-1)?.date)}: ${positive} positive, ${negative} negative, a positive rate of ${formatPercent(positive / total)}.`;
}

export function DailyFeedbackChart({ days, id = "daily-feedback" }: { days: readonly Day[]; id?: string }) {
  const x = scaleBand<string>()
    .domain(days.map((day) => day.date))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.25);
  const maxVotes = Math.max(1, ...days.map((day) => day.positive + day.negative));
  const y = scaleLinear().domain([0, maxVotes]).nice(4).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const rate = scaleLinear().domain([0, 1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const center = (date: string) => (x(date) ?? 0) + x.bandwidth() / 2;
  const ratePath = line<Day>()
    .defined((day) => day.positive_rate !== null)
    .x((day) => center(day.date))
    .y((day) => rate(day.positive_rate ?? 0))(days as Day[]);
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  return (
    <figure data-slot="daily-feedback-chart" className="flex flex-col gap-3">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="h-auto w-full text-muted-foreground">
        <title id={titleId}>Feedback per day</title>
        <desc id={descId}>{summarizeDays(days)}</desc>
        <defs>
          {/* Negative bars are hatched, so the two series differ by more than colour. */}
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="var(--color-negative)" opacity="0.35" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="var(--color-negative)" strokeWidth="3" />
          </pattern>
        </defs>
        {y.ticks(4).filter(Number.isInteger).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="var(--color-border)" strokeDasharray={tick === 0 ? undefined : "2 4"} />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="11" fill="currentColor">
              {tick}
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((tick) => (
          <text key={tick} x={WIDTH - MARGIN.right + 6} y={rate(tick)} dy="0.32em" fontSize="11" fill="currentColor">
            {formatPercent(tick)}
          </text>
        ))}
        {days.map((day, index) => {
          const left = x(day.date) ?? 0;
          const positiveTop = y(day.positive);
          const negativeTop = y(day.positive + day.negative);
          return (
            <g key={day.date}>
              <title>{`${formatDay(day.date)}: ${day.positive} positive, ${day.negative} negative${day.positive_rate === null ? "" : `, ${formatPercent(day.positive_rate)} positive`}`}</title>
              <rect x={left} width={x.bandwidth()} y={positiveTop} height={y(0) - positiveTop} fill="var(--color-positive)" />
              <rect x={left} width={x.bandwidth()} y={negativeTop} height={positiveTop - negativeTop} fill={`url(#${id}-hatch)`} stroke="var(--color-negative)" strokeWidth={day.negative > 0 ? 1 : 0} />
              {index % labelEvery === 0 ? (
                <text x={center(day.date)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize="11" fill="currentColor">
                  {formatDay(day.date, { short: true })}
                </text>
              ) : null}
            </g>
          );
        })}
        {ratePath ? <path d={ratePath} fill="none" stroke="var(--color-primary)" strokeWidth="2" strokeLinejoin="round" /> : null}
        {days.map((day) =>
          day.positive_rate === null ? null : <circle key={day.date} cx={center(day.date)} cy={rate(day.positive_rate)} r="3" fill="var(--color-background)" stroke="var(--color-primary)" strokeWidth="2" />,
        )}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-muted-foreground">
        <span className="inline-flex items-center gap-1.5">
          <span className="size-3 rounded-sm bg-positive" aria-hidden /> Positive votes
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="size-3 rounded-sm border border-negative bg-[repeating-linear-gradient(45deg,var(--color-negative)_0_2px,transparent_2px_4px)]" aria-hidden /> Negative
          votes
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4 bg-primary" aria-hidden /> Positive rate (right axis)
        </span>
      </figcaption>
    </figure>
  );
}
