import "server-only";
import { readEventData } from "@/lib/api/server-sent-events";
import { ResponderError, type Responder, type ResponderMessage, type StreamAnswerOptions } from "./responder";

export interface OpenAiCompatibleOptions {
  /** E.g. "https://api.openai.com/v1" or "http://127.0.0.1:11434/v1"; `/chat/completions` is appended. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; local servers often need none. */
  apiKey?: string;
  model: string;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
  /** Longest wait for the answer to start, and between two of its chunks. */
  timeoutMs?: number;
}

export const OPENAI_TIMEOUT_MS = 60_000;
/** How much of an upstream error body is kept for the log. */
const MAX_ERROR_BODY = 2_000;

interface CompletionChunk {
  content: string;
  finished: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function upstreamMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const error = body.error;
  if (isRecord(error) && typeof error.message === "string") return error.message;
  if (typeof error === "string") return error;
  return typeof body.message === "string" ? body.message : typeof body.detail === "string" ? body.detail : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponderError("invalid_response", "The assistant service sent an answer that is not JSON", { upstreamDetail: text.slice(0, MAX_ERROR_BODY) });
  }
}

async function errorOfResponse(response: Response): Promise<ResponderError> {
  const text = (await response.text().catch(() => "")).slice(0, MAX_ERROR_BODY);
  let detail = text;
  try {
    detail = upstreamMessage(JSON.parse(text)) ?? text;
  } catch {
    // Not JSON: the text itself is the detail.
  }
  return new ResponderError("upstream_error", `The assistant service answered ${response.status}`, { status: response.status, upstreamDetail: detail });
}

/** One `data:` event of a streamed chat completion: `choices[0].delta.content`, or an error object. */
function readChunk(data: string): CompletionChunk {
  const body = parseJson(data);
  const error = upstreamMessage(isRecord(body) && "error" in body ? body : undefined);
  if (error !== undefined) throw new ResponderError("upstream_error", "The assistant service reported an error", { upstreamDetail: error });
  const choice = isRecord(body) && Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!isRecord(choice)) return { content: "", finished: false };
  const delta = isRecord(choice.delta) ? choice.delta : isRecord(choice.message) ? choice.message : {};
  return { content: typeof delta.content === "string" ? delta.content : "", finished: typeof choice.finish_reason === "string" };
}

/**
 * Streams answers from an OpenAI-compatible `/chat/completions` endpoint (OpenAI, Azure's
 * compatible API, Ollama, vLLM, LM Studio, llama.cpp…) with `stream: true`. Every failure ends as a
 * ResponderError — unreachable, an error status, an error in the stream, a timeout, a stream that
 * stops before the answer is finished — so a reader never waits forever.
 */
export function createOpenAiCompatibleResponder(options: OpenAiCompatibleOptions): Responder {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const timeoutMs = options.timeoutMs ?? OPENAI_TIMEOUT_MS;
  const send: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  return {
    name: `openai-compatible (${options.model})`,
    async *streamAnswer(messages: readonly ResponderMessage[], { signal }: StreamAnswerOptions = {}) {
      const controller = new AbortController();
      const timedOut = new ResponderError("timeout", "The assistant service did not answer in time");
      const stopForCaller = () => controller.abort(signal?.reason);
      signal?.addEventListener("abort", stopForCaller, { once: true });
      if (signal?.aborted) stopForCaller();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const restartTimer = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(timedOut), timeoutMs);
      };
      // What a failed request or read means: the caller's abort, our timeout, or the endpoint's fault.
      const failureOf = (error: unknown): unknown => {
        if (signal?.aborted) return signal.reason;
        if (controller.signal.reason === timedOut) return timedOut;
        if (error instanceof ResponderError) return error;
        return new ResponderError("unreachable", "Could not reach the assistant service", { cause: error });
      };

      try {
        restartTimer();
        let response: Response;
        try {
          response = await send(url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "text/event-stream",
              ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
            },
            body: JSON.stringify({ model: options.model, messages: messages.map(({ role, content }) => ({ role, content })), stream: true }),
            signal: controller.signal,
          });
          if (!response.ok) throw await errorOfResponse(response);
        } catch (error) {
          throw failureOf(error);
        }

        // A server that ignores `stream: true` answers with the whole completion at once.
        if (response.headers.get("content-type")?.includes("application/json")) {
          let chunk: CompletionChunk;
          try {
            chunk = readChunk(await response.text());
          } catch (error) {
            throw failureOf(error);
          }
          if (!chunk.content) throw new ResponderError("invalid_response", "The assistant service sent no answer");
          yield chunk.content;
          return;
        }
        if (!response.body) throw new ResponderError("invalid_response", "The assistant service sent no answer");

        let finished = false;
        try {
          for await (const data of readEventData(response.body)) {
            restartTimer();
            if (data === "[DONE]") {
              finished = true;
              break;
            }
            const chunk = readChunk(data);
            if (chunk.content) yield chunk.content;
            finished ||= chunk.finished;
          }
        } catch (error) {
          throw failureOf(error);
        }
        if (!finished) throw new ResponderError("invalid_response", "The assistant service stopped before the answer was complete");
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", stopForCaller);
      }
    },
  };
}
