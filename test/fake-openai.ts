// A fake OpenAI-compatible endpoint on a loopback port, for the responder's and the chat API's
// tests: each test says how it answers; nothing leaves the machine.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export type FakeHandler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

export interface ReceivedRequest {
  method?: string;
  url?: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface FakeOpenAi {
  /** E.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  /** How the next requests are answered. */
  answerWith(handler: FakeHandler): void;
  /** Every request so far. */
  readonly requests: ReceivedRequest[];
  /** Responses whose connection closed before they were finished (the client left). */
  readonly closedEarly: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let handler: FakeHandler = (_request, _body, response) => response.writeHead(500).end("no handler");
  let requests: ReceivedRequest[] = [];
  let closedEarly = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body });
      response.on("close", () => {
        if (!response.writableFinished) closedEarly++;
      });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    answerWith: (next) => (handler = next),
    get requests() {
      return requests;
    },
    get closedEarly() {
      return closedEarly;
    },
    reset() {
      requests = [];
      closedEarly = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** In the enclosing describe block, the app's responder (getResponder) talks to `fake`. */
export function useFakeOpenAiResponder(fake: () => FakeOpenAi) {
  beforeAll(() => {
    process.env.OPENAI_BASE_URL = fake().baseUrl;
    process.env.OPENAI_MODEL = "fake-model";
  });
  afterAll(() => {
    delete process.env.OPENAI_BASE_URL;
    delete process.env.OPENAI_MODEL;
  });
}

/** One `data:` event of a streamed chat completion. */
export const completionChunk = (content: string, finishReason: string | null = null) =>
  `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", choices: [{ index: 0, delta: { content }, finish_reason: finishReason }] })}\n\n`;

/** Answers with these raw text/event-stream pieces, one write each, `gapMs` apart. */
export function streamEvents(events: string[], { gapMs = 0 }: { gapMs?: number } = {}): FakeHandler {
  return (_request, _body, response) => {
    response.writeHead(200, { "content-type": "text/event-stream" });
    let index = 0;
    const next = () => {
      if (response.destroyed) return;
      if (index === events.length) return void response.end();
      response.write(events[index++]);
      setTimeout(next, gapMs);
    };
    next();
  };
}

/** A complete streamed answer in these pieces, ending with `[DONE]`. */
export const streamedAnswer = (pieces: string[], options?: { gapMs?: number }) =>
  streamEvents([...pieces.map((piece, index) => completionChunk(piece, index === pieces.length - 1 ? "stop" : null)), "data: [DONE]\n\n"], options);
