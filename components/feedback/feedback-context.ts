"use client";
import { createContext, useContext, type ComponentType } from "react";
import type { QueryClient } from "@tanstack/react-query";
import type { FeedbackBatchLoader } from "@/lib/api/feedback-batch-loader";
import type { FeedbackClient } from "@/lib/api/feedback-client";
import type { FeedbackLabels, ReasonLabelOverrides } from "./feedback-labels";
import type { VoteQueue } from "./feedback-vote-queue";

/** An icon for a thumb: receives the kit's classes (a filled shape marks the chosen vote). */
export type FeedbackIcon = ComponentType<{ className?: string; "aria-hidden"?: boolean | "true" }>;

export interface FeedbackIcons {
  positive?: FeedbackIcon;
  negative?: FeedbackIcon;
}

export interface FeedbackKit {
  api: FeedbackClient;
  loader: FeedbackBatchLoader;
  votes: VoteQueue;
  queryClient: QueryClient;
  labels: FeedbackLabels;
  icons: FeedbackIcons;
  reasonLabels: ReasonLabelOverrides;
}

export const FeedbackKitContext = createContext<FeedbackKit | null>(null);

export function useFeedbackKit(): FeedbackKit {
  const kit = useContext(FeedbackKitContext);
  if (!kit) throw new Error("FeedbackButtons and the feedback hooks need a <FeedbackProvider> around them");
  return kit;
}
