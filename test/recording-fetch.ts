// A recording fetch double for the API client's unit tests.
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = { status: number; body?: unknown; text?: string };

export function recordingFetch(reply: (request: RecordedRequest) => Reply | Promise<Reply>) {
  const requests: RecordedRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    const request: RecordedRequest = {
      method: init?.method ?? "GET",
      url: String(input),
      headers,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const { status, body, text } = await reply(request);
    const payload = text ?? (body === undefined ? null : JSON.stringify(body));
    return new Response(status === 204 ? null : payload, { status, headers: { "content-type": "application/json" } });
  };
  return { fetch, requests };
}
