import "server-only";
import type { GeneratedResponse } from "@/lib/api/admin-schemas";
import { notFound } from "@/server/errors";
import { loadGoldenExampleSource } from "@/server/golden-examples/golden-example-source";
import { draftCorrectedAnswer, getResponder, ResponderError, type Responder } from "@/server/responder";
import { feedbackRulesFromSettings } from "@/server/settings/feedback-rules-from-settings";
import { readFeedbackSettings } from "@/server/settings/feedback-config-service";
import { findQueueItem } from "./admin-feedback-store";
import type { ReviewContext } from "./review-service";

export interface CorrectionDraftContext extends ReviewContext {
  /** The environment's responder when absent. */
  responder?: Responder;
  /** Aborts the responder's request: the reviewer left. */
  signal?: AbortSignal;
}

/**
 * A corrected answer for the reviewer to start from: the responder is given the conversation
 * before the rated answer, the answer and what the user said about it (the labels of the reasons
 * they picked and their note). Nothing is stored. A responder failure is an answer too, with
 * `success` false and words for the reviewer; its details go to the server log only.
 */
export async function generateCorrectedResponse(ctx: CorrectionDraftContext, feedbackId: string): Promise<GeneratedResponse> {
  const { organizationId } = ctx.actor;
  const row = await findQueueItem(ctx.db, organizationId, feedbackId);
  const source = row && (await loadGoldenExampleSource(ctx.db, row.messageId));
  if (!row || !source) throw notFound("Feedback not found");
  const options = feedbackRulesFromSettings(await readFeedbackSettings(ctx.db, organizationId)).reasonOptions[row.feedbackType];
  const reasonLabels = row.reasonKeys.flatMap((key) => options.find((option) => option.key === key)?.label ?? []);

  const responder = ctx.responder ?? getResponder();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const draft = await draftCorrectedAnswer(
      responder,
      { conversation: source.context, ratedAnswer: source.originalResponse, reason: row.reason, reasonLabels },
      { signal: ctx.signal },
    );
    return { generated_response: draft, generation_time_ms: elapsed(), success: true };
  } catch (error) {
    if (!(error instanceof ResponderError)) throw error;
    console.error("[review] drafting a correction failed", { feedbackId, responder: responder.name, kind: error.kind, status: error.details.status, upstreamDetail: error.details.upstreamDetail });
    return { generated_response: null, generation_time_ms: elapsed(), success: false, error: error.message };
  }
}
