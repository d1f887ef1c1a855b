import "server-only";
import { syncGoldenExample } from "@/server/golden-examples/sync-golden-example";
import { GOLDEN_EXAMPLE_JOB } from "@/server/feedback/feedback-store";
import type { JobHandler } from "./job-worker";

export const JOB_HANDLERS: Record<string, JobHandler> = {
  [GOLDEN_EXAMPLE_JOB]: syncGoldenExample,
};
