// The responder: writes assistant answers for the chat demo and corrected answers for reviewers.
// Offline and deterministic by default; OPENAI_BASE_URL switches it to an OpenAI-compatible endpoint.
export { generateAnswer, ResponderError, type Responder, type ResponderErrorKind, type ResponderMessage, type StreamAnswerOptions } from "./responder";
export { getResponder } from "./get-responder";
export { createOfflineResponder, OFFLINE_CHUNK_DELAY_MS } from "./offline-responder";
export { createOpenAiCompatibleResponder, type OpenAiCompatibleOptions } from "./openai-compatible-responder";
export { correctionRequest, draftCorrectedAnswer, streamCorrectedAnswer, type CorrectionInput } from "./corrected-answer";
