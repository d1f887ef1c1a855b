// The OpenAI-compatible client against a fake endpoint on a loopback port: no network.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { failureOf } from "@/test/failure-of";
import { completionChunk as chunk, startFakeOpenAi, streamEvents, type FakeHandler, type FakeOpenAi } from "@/test/fake-openai";
import { getResponder } from "./get-responder";
import { createOpenAiCompatibleResponder } from "./openai-compatible-responder";
import { generateAnswer, ResponderError, type ResponderMessage } from "./responder";

let fake: FakeOpenAi;
let baseUrl: string;
/** How the fake endpoint answers this test's requests. */
let handler: FakeHandler;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.answerWith((request, body, response) => handler(request, body, response));
  baseUrl = fake.baseUrl;
});

afterAll(() => fake.close());

beforeEach(() => fake.reset());

const question: ResponderMessage[] = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "How do I reset my password?" },
];

const responder = (options: { timeoutMs?: number; apiKey?: string } = {}) =>
  createOpenAiCompatibleResponder({ baseUrl: `${baseUrl}/`, model: "test-model", apiKey: "sk-test", ...options });


describe("the OpenAI-compatible responder", () => {
  it("posts the conversation with stream: true and yields the deltas in order", async () => {
    handler = streamEvents([": ping\n\n", `data: ${JSON.stringify({ choices: [{ delta: { role: "assistant" } }] })}\n\n`, chunk("Choose "), chunk("\"Forgot password?\""), chunk(".", "stop"), "data: [DONE]\n\n"]);
    const chunks: string[] = [];
    for await (const piece of responder().streamAnswer(question)) chunks.push(piece);
    expect(chunks).toEqual(["Choose ", '"Forgot password?"', "."]);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect({ method: request!.method, url: request!.url, authorization: request!.headers.authorization, accept: request!.headers.accept }).toEqual({
      method: "POST",
      url: "/v1/chat/completions",
      authorization: "Bearer sk-test",
      accept: "text/event-stream",
    });
    expect(JSON.parse(request!.body)).toEqual({ model: "test-model", messages: question, stream: true });
  });

  it("reads events split across writes and CRLF line ends", async () => {
    const whole = chunk("Hello ").replaceAll("\n", "\r\n") + chunk("there", "stop") + "data: [DONE]\n\n";
    handler = streamEvents([whole.slice(0, 7), whole.slice(7, 40), whole.slice(40)], { gapMs: 5 });
    expect(await generateAnswer(responder(), question)).toBe("Hello there");
  });

  it("sends no Authorization header without a key", async () => {
    handler = streamEvents([chunk("ok", "stop"), "data: [DONE]\n\n"]);
    await generateAnswer(createOpenAiCompatibleResponder({ baseUrl, model: "local" }), question);
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("accepts a whole completion from a server that does not stream", async () => {
    handler = (_request, _body, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: "All at once." }, finish_reason: "stop" }] }));
    };
    expect(await generateAnswer(responder(), question)).toBe("All at once.");
  });

  it("turns an error status into an upstream_error with the status, keeping the endpoint's message for the log", async () => {
    handler = (_request, _body, response) => {
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: "Incorrect API key provided: sk-test", type: "invalid_request_error" } }));
    };
    const error = await failureOf(generateAnswer(responder(), question), ResponderError);
    expect({ kind: error.kind, message: error.message, status: error.details.status, detail: error.details.upstreamDetail }).toEqual({
      kind: "upstream_error",
      message: "The assistant service answered 401",
      status: 401,
      detail: "Incorrect API key provided: sk-test",
    });
  });

  it("keeps a plain-text error body as the detail", async () => {
    handler = (_request, _body, response) => {
      response.writeHead(503, { "content-type": "text/plain" });
      response.end("overloaded");
    };
    const error = await failureOf(generateAnswer(responder(), question), ResponderError);
    expect({ kind: error.kind, status: error.details.status, detail: error.details.upstreamDetail }).toEqual({ kind: "upstream_error", status: 503, detail: "overloaded" });
  });

  it("fails on an error sent inside the stream, after the chunks before it", async () => {
    handler = streamEvents([chunk("Partial "), `data: ${JSON.stringify({ error: { message: "model crashed" } })}\n\n`]);
    const chunks: string[] = [];
    const error = await failureOf(
      (async () => {
        for await (const piece of responder().streamAnswer(question)) chunks.push(piece);
      })(),
      ResponderError,
    );
    expect(chunks).toEqual(["Partial "]);
    expect({ kind: error.kind, message: error.message, detail: error.details.upstreamDetail }).toEqual({
      kind: "upstream_error",
      message: "The assistant service reported an error",
      detail: "model crashed",
    });
  });

  it("fails when the stream ends before the answer is finished", async () => {
    handler = streamEvents([chunk("Half an ")]);
    const error = await failureOf(generateAnswer(responder(), question), ResponderError);
    expect({ kind: error.kind, message: error.message }).toEqual({ kind: "invalid_response", message: "The assistant service stopped before the answer was complete" });
  });

  it("fails on an event that is not JSON", async () => {
    handler = streamEvents(["data: <html>\n\n"]);
    expect((await failureOf(generateAnswer(responder(), question), ResponderError)).kind).toBe("invalid_response");
  });

  it("times out when the endpoint does not answer, and closes the connection", async () => {
    handler = () => {};
    const started = performance.now();
    const error = await failureOf(generateAnswer(responder({ timeoutMs: 150 }), question), ResponderError);
    expect({ kind: error.kind, message: error.message }).toEqual({ kind: "timeout", message: "The assistant service did not answer in time" });
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect.poll(() => fake.closedEarly).toBe(1);
  });

  it("times out when the stream stalls between chunks", async () => {
    handler = (_request, _body, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(chunk("Still "));
    };
    const chunks: string[] = [];
    const error = await failureOf(
      (async () => {
        for await (const piece of responder({ timeoutMs: 150 }).streamAnswer(question)) chunks.push(piece);
      })(),
      ResponderError,
    );
    expect(chunks).toEqual(["Still "]);
    expect(error.kind).toBe("timeout");
  });

  it("reports an endpoint it cannot reach", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf(generateAnswer(createOpenAiCompatibleResponder({ baseUrl: `http://127.0.0.1:${port}/v1`, model: "m" }), question), ResponderError);
    expect({ kind: error.kind, message: error.message }).toEqual({ kind: "unreachable", message: "Could not reach the assistant service" });
  });

  it("stops with the caller's reason when the caller aborts, and closes the upstream connection", async () => {
    handler = streamEvents([chunk("One "), chunk("two "), chunk("three "), chunk("four", "stop"), "data: [DONE]\n\n"], { gapMs: 30 });
    const controller = new AbortController();
    const reason = new Error("reader left");
    const chunks: string[] = [];
    const reading = (async () => {
      for await (const piece of responder().streamAnswer(question, { signal: controller.signal })) {
        chunks.push(piece);
        controller.abort(reason);
      }
    })();
    await expect(reading).rejects.toBe(reason);
    expect(chunks).toEqual(["One "]);
    await expect.poll(() => fake.closedEarly).toBe(1);
  });
});

describe("getResponder", () => {
  it("is offline unless OPENAI_BASE_URL is set", () => {
    expect(getResponder({}).name).toBe("offline");
    expect(getResponder({ OPENAI_BASE_URL: " ", OPENAI_MODEL: "m" }).name).toBe("offline");
    expect(getResponder({ OPENAI_BASE_URL: baseUrl, OPENAI_MODEL: "gpt-test" }).name).toBe("openai-compatible (gpt-test)");
  });

  it("fails every answer with a configuration error when the endpoint cannot be called", async () => {
    for (const env of [{ OPENAI_BASE_URL: baseUrl }, { OPENAI_BASE_URL: "ftp://example.test", OPENAI_MODEL: "m" }]) {
      const error = await failureOf(generateAnswer(getResponder(env), question), ResponderError);
      expect({ kind: error.kind, message: error.message }).toEqual({ kind: "misconfigured", message: "The assistant is not configured correctly" });
    }
  });

  it("uses the configured endpoint and key", async () => {
    handler = streamEvents([chunk("From the endpoint.", "stop"), "data: [DONE]\n\n"]);
    expect(await generateAnswer(getResponder({ OPENAI_BASE_URL: baseUrl, OPENAI_MODEL: "m", OPENAI_API_KEY: "sk-env" }), question)).toBe("From the endpoint.");
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer sk-env");
  });
});
