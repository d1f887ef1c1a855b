import "server-only";
import { generateAnswer, type Responder, type ResponderMessage, type StreamAnswerOptions } from "./responder";

/** What a reviewer has when they ask for a corrected answer to a rated one. */
export interface CorrectionInput {
  /** The messages before the rated answer, oldest first (a golden example's `context`). */
  conversation: readonly ResponderMessage[];
  /** The answer the user rated. */
  ratedAnswer: string;
  /** The user's note, if any. */
  reason?: string | null;
  /** Labels of the reason options the user picked, e.g. ["Outdated"]. */
  reasonLabels?: readonly string[];
}

/** The system message that starts every correction request; the offline responder recognises it. */
export const CORRECTION_INSTRUCTIONS =
  "You revise an assistant's answer that a user rated as unhelpful. Keep what was right, fix what the " +
  "user's feedback points at, and write only the corrected answer, addressed to the user, in the language " +
  "and tone of the conversation.";

const FEEDBACK_PREFIX = "Feedback on your last answer: ";
const REWRITE_REQUEST = "Rewrite your last answer so that it addresses this feedback. Reply with the corrected answer only.";

function feedbackLine(input: Pick<CorrectionInput, "reason" | "reasonLabels">): string {
  const parts = [...(input.reasonLabels ?? [])];
  const note = input.reason?.trim();
  if (note) parts.push(note);
  return parts.length > 0 ? parts.join("; ") : "the user rated it as a bad response without saying why";
}

/** The conversation a responder answers with the corrected answer. */
export function correctionRequest(input: CorrectionInput): ResponderMessage[] {
  return [
    { role: "system", content: CORRECTION_INSTRUCTIONS },
    ...input.conversation.filter((message) => message.role !== "system"),
    { role: "assistant", content: input.ratedAnswer },
    { role: "user", content: `${FEEDBACK_PREFIX}${feedbackLine(input)}\n\n${REWRITE_REQUEST}` },
  ];
}

/** The rated answer and the feedback of a request made by correctionRequest, or null for any other conversation. */
export function readCorrectionRequest(messages: readonly ResponderMessage[]): { ratedAnswer: string; feedback: string } | null {
  if (messages[0]?.role !== "system" || messages[0].content !== CORRECTION_INSTRUCTIONS) return null;
  const request = messages.at(-1);
  const rated = messages.at(-2);
  if (request?.role !== "user" || rated?.role !== "assistant" || !request.content.startsWith(FEEDBACK_PREFIX)) return null;
  const feedback = request.content.slice(FEEDBACK_PREFIX.length, request.content.length - REWRITE_REQUEST.length).trim();
  return { ratedAnswer: rated.content, feedback };
}

/** A corrected answer, streamed: for an editor that shows the draft as it is written. */
export function streamCorrectedAnswer(responder: Responder, input: CorrectionInput, options: StreamAnswerOptions = {}): AsyncIterable<string> {
  return responder.streamAnswer(correctionRequest(input), options);
}

/** A corrected answer for a reviewer to edit and approve. */
export function draftCorrectedAnswer(responder: Responder, input: CorrectionInput, options: StreamAnswerOptions = {}): Promise<string> {
  return generateAnswer(responder, correctionRequest(input), options);
}
