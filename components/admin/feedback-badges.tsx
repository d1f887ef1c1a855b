import { ThumbsDownIcon, ThumbsUpIcon } from "lucide-react";
import type { FeedbackStatus, FeedbackType } from "@/lib/api/schemas";
import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS } from "./format";

export function VoteBadge({ type }: { type: FeedbackType }) {
  return type === "positive" ? (
    <Badge tone="positive">
      <ThumbsUpIcon aria-hidden /> Positive
    </Badge>
  ) : (
    <Badge tone="negative">
      <ThumbsDownIcon aria-hidden /> Negative
    </Badge>
  );
}

/** The status, or what it will be once a waiting action is sent. */
export function StatusBadge({ status, waiting }: { status: FeedbackStatus; waiting?: FeedbackStatus }) {
  if (waiting) {
    return (
      <Badge tone="info" title="Waiting to be sent: press z to undo">
        → {STATUS_LABELS[waiting]} <span className="font-normal">(undo with z)</span>
      </Badge>
    );
  }
  return <Badge tone={status === "pending" ? "info" : "neutral"}>{STATUS_LABELS[status]}</Badge>;
}
