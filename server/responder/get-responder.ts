import "server-only";
import { createOfflineResponder } from "./offline-responder";
import { createOpenAiCompatibleResponder } from "./openai-compatible-responder";
import { ResponderError, type Responder } from "./responder";

/** The variables read: OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL. */
type ResponderEnv = Record<string, string | undefined>;

let cached: { key: string; responder: Responder } | undefined;

/** A responder that fails every answer with the same configuration error (logged once per answer, shown as an error state). */
function misconfigured(message: string): Responder {
  return {
    name: "misconfigured",
    async *streamAnswer() {
      throw new ResponderError("misconfigured", "The assistant is not configured correctly", { upstreamDetail: message });
    },
  };
}

function responderFor(env: ResponderEnv): Responder {
  const baseUrl = env.OPENAI_BASE_URL?.trim();
  if (!baseUrl) return createOfflineResponder();
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    return misconfigured(`OPENAI_BASE_URL must be an http(s) URL, got "${baseUrl}"`);
  }
  const model = env.OPENAI_MODEL?.trim();
  if (!model) return misconfigured("OPENAI_MODEL must be set when OPENAI_BASE_URL is");
  return createOpenAiCompatibleResponder({ baseUrl, model, apiKey: env.OPENAI_API_KEY?.trim() || undefined });
}

/**
 * The responder the environment asks for: the offline one unless OPENAI_BASE_URL names an
 * OpenAI-compatible endpoint (then OPENAI_MODEL is required and OPENAI_API_KEY optional).
 * Built once per configuration.
 */
export function getResponder(env: ResponderEnv = process.env): Responder {
  const key = JSON.stringify([env.OPENAI_BASE_URL, env.OPENAI_API_KEY, env.OPENAI_MODEL]);
  if (cached?.key !== key) cached = { key, responder: responderFor(env) };
  return cached.responder;
}
