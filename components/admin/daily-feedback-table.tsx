import type { DailyStats } from "@/lib/api/admin-schemas";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDay, formatPercent } from "./format";

/** The chart's numbers as a table: its text alternative. */
export function DailyFeedbackTable({ days }: { days: DailyStats["days"] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Day</TableHead>
          <TableHead scope="col" className="text-right">Positive</TableHead>
          <TableHead scope="col" className="text-right">Negative</TableHead>
          <TableHead scope="col" className="text-right">Positive rate</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {days.map((day) => (
          <TableRow key={day.date}>
            <TableCell>
              <time dateTime={day.date}>{formatDay(day.date)}</time>
            </TableCell>
            <TableCell className="text-right tabular-nums">{day.positive}</TableCell>
            <TableCell className="text-right tabular-nums">{day.negative}</TableCell>
            <TableCell className="text-right tabular-nums">{day.positive_rate === null ? "–" : formatPercent(day.positive_rate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
