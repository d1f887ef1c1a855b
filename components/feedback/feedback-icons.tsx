import { createElement } from "react";
import { Check, ThumbsDown, ThumbsUp, type IconNode } from "lucide";
import type { FeedbackIcon } from "./feedback-context";

// Lucide's icons as data, drawn by this one small component: lucide-react's per-icon runtime
// would cost about a sixth of the kit's size budget for three icons.
function lucideIcon(node: IconNode): FeedbackIcon {
  return function LucideIcon({ className }) {
    return (
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        className={className}
      >
        {node.map(([tag, attributes], index) => createElement(tag, { key: index, ...attributes }))}
      </svg>
    );
  };
}

export const ThumbsUpIcon = lucideIcon(ThumbsUp);
export const ThumbsDownIcon = lucideIcon(ThumbsDown);
export const CheckIcon = lucideIcon(Check);
