import "server-only";

/** One message of a conversation as a responder reads it (the shape of a golden example's context). */
export interface ResponderMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface StreamAnswerOptions {
  /** Stops the answer (the reader left): the iteration ends by throwing the signal's reason. */
  signal?: AbortSignal;
}

/** Writes the assistant's next message for a conversation. Same interface offline and upstream. */
export interface Responder {
  /** "offline", or "openai-compatible (<model>)": for logs and the UI's "answered by" hint. */
  readonly name: string;
  /** The answer in chunks, in order; concatenated they are the whole answer. */
  streamAnswer(messages: readonly ResponderMessage[], options?: StreamAnswerOptions): AsyncIterable<string>;
}

export type ResponderErrorKind =
  /** The endpoint could not be reached (DNS, refused connection, reset). */
  | "unreachable"
  /** No answer, or no further chunk, within the timeout. */
  | "timeout"
  /** The endpoint answered with an error status or sent an error in the stream. */
  | "upstream_error"
  /** The endpoint's answer is not an OpenAI-compatible completion, or ended early. */
  | "invalid_response"
  /** The environment names an endpoint but not enough to call it. */
  | "misconfigured";

/**
 * Why an answer could not be written. `message` is safe to show a user; `upstreamDetail` (what the
 * endpoint said, which may name keys or internals) is for the server log only.
 */
export class ResponderError extends Error {
  constructor(
    readonly kind: ResponderErrorKind,
    message: string,
    readonly details: { status?: number; upstreamDetail?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = "ResponderError";
  }
}

/** The whole answer at once (the stream, concatenated). */
export async function generateAnswer(responder: Responder, messages: readonly ResponderMessage[], options: StreamAnswerOptions = {}): Promise<string> {
  let answer = "";
  for await (const chunk of responder.streamAnswer(messages, options)) answer += chunk;
  return answer;
}
