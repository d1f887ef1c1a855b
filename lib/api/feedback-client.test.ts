import { afterEach, describe, expect, it, vi } from "vitest";
import { feedbackResponse as vote } from "@/test/feedback-response";
import { FeedbackApiError } from "./feedback-api-error";
import { createFeedbackClient, MAX_IDS_PER_REQUEST } from "./feedback-client";
import { MAX_LISTED_MESSAGE_IDS } from "./schemas";
import { recordingFetch } from "@/test/recording-fetch";

async function failureOf(promise: Promise<unknown>): Promise<FeedbackApiError> {
  const error = await promise.then(
    () => new Error("expected the call to fail"),
    (reason: unknown) => reason,
  );
  if (!(error instanceof FeedbackApiError)) throw error;
  return error;
}

describe("createFeedbackClient", () => {
  it("calls each endpoint's method and path on the base URL, with JSON bodies and the host's headers", async () => {
    const { fetch, requests } = recordingFetch((request) => {
      if (request.method === "DELETE") return { status: 204 };
      if (request.method === "POST") return { status: 201, body: vote("m/1") };
      if (request.url.endsWith("/config")) return { status: 200, body: { feedback_enabled: true } };
      if (request.url.includes("/message/")) return { status: 200, body: null };
      return { status: 200, body: { items: [] } };
    });
    const client = createFeedbackClient({ baseUrl: "https://feedback.example/", fetch, headers: () => ({ Authorization: "Bearer pat_1" }) });

    expect(await client.submitFeedback({ message_id: "m/1", feedback_type: "negative", reason_keys: ["incorrect"] })).toEqual(vote("m/1"));
    expect(await client.withdrawFeedback("m/1")).toBeUndefined();
    expect(await client.getMessageFeedback("m/1")).toBeNull();
    expect(await client.listConversationFeedback("c 1")).toEqual({ items: [] });
    expect(await client.getFeedbackConfig()).toEqual({ feedback_enabled: true });

    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST https://feedback.example/api/feedback",
      "DELETE https://feedback.example/api/feedback/message/m%2F1",
      "GET https://feedback.example/api/feedback/message/m%2F1",
      "GET https://feedback.example/api/feedback?conversation_id=c+1",
      "GET https://feedback.example/api/feedback/config",
    ]);
    expect(requests[0]).toMatchObject({
      headers: { authorization: "Bearer pat_1", "content-type": "application/json", accept: "application/json" },
      body: { message_id: "m/1", feedback_type: "negative", reason_keys: ["incorrect"] },
    });
    expect(requests[1]!.headers["content-type"]).toBeUndefined();
  });

  it("uses the page's own origin by default", async () => {
    const { fetch, requests } = recordingFetch(() => ({ status: 200, body: { items: [] } }));
    await createFeedbackClient({ fetch }).listConversationFeedback("c1");
    expect(requests[0]!.url).toBe("/api/feedback?conversation_id=c1");
  });

  it("turns the server's {detail, code} body into a typed error that says whether a retry can help", async () => {
    const cases = [
      { status: 400, body: { detail: "A reason is required for negative feedback", code: "reason_required" }, retryable: false },
      { status: 409, body: { detail: "Concurrent requests changed the same data; retry", code: "concurrent_write" }, retryable: true },
      { status: 409, body: { detail: "Belongs to another user", code: "conversation_external_id_conflict" }, retryable: false },
      { status: 403, body: { detail: "Feedback is turned off for this organization", code: "feedback_disabled" }, retryable: false },
      { status: 500, body: { detail: "Internal server error", code: "internal_error", request_id: "r1" }, retryable: true },
    ];
    for (const { status, body, retryable } of cases) {
      const { fetch } = recordingFetch(() => ({ status, body }));
      const error = await failureOf(createFeedbackClient({ fetch }).submitFeedback({ message_id: "m1", feedback_type: "negative" }));
      expect({ status: error.status, code: error.code, detail: error.detail, message: error.message, retryable: error.retryable }).toEqual({
        status,
        code: body.code,
        detail: body.detail,
        message: body.detail,
        retryable,
      });
    }
    const { fetch } = recordingFetch(() => ({ status: 500, body: { detail: "Internal server error", code: "internal_error", request_id: "r1" } }));
    expect((await failureOf(createFeedbackClient({ fetch }).getFeedbackConfig())).requestId).toBe("r1");
  });

  it("reports a network failure and a non-JSON answer as typed errors too", async () => {
    const offline = await failureOf(
      createFeedbackClient({ fetch: () => Promise.reject(new TypeError("Failed to fetch")) }).withdrawFeedback("m1"),
    );
    expect(offline).toMatchObject({ status: 0, code: "network_error", detail: "Failed to fetch", retryable: true });
    expect(offline.cause).toBeInstanceOf(TypeError);

    const gateway = recordingFetch(() => ({ status: 502, text: "<html>Bad gateway</html>" }));
    expect(await failureOf(createFeedbackClient({ fetch: gateway.fetch }).getFeedbackConfig())).toMatchObject({
      status: 502,
      code: "http_502",
      detail: "Request failed with status 502",
      retryable: true,
    });

    const garbled = recordingFetch(() => ({ status: 200, text: "{not json" }));
    expect(await failureOf(createFeedbackClient({ fetch: garbled.fetch }).getFeedbackConfig())).toMatchObject({ code: "invalid_response" });
  });

  it("splits a long id list into requests of the server's limit and merges the answers", async () => {
    expect(MAX_IDS_PER_REQUEST).toBe(MAX_LISTED_MESSAGE_IDS);
    const { fetch, requests } = recordingFetch((request) => {
      const ids = new URL(request.url, "http://x").searchParams.get("message_ids")!.split(",");
      return { status: 200, body: { items: ids.filter((id) => Number(id.slice(1)) % 100 === 0).map((id) => vote(id)) } };
    });
    const ids = Array.from({ length: 1001 }, (_, index) => `m${index}`);
    const list = await createFeedbackClient({ fetch }).listMessageFeedback([...ids, "m0", "m1"]);

    const sent = requests.map((request) => new URL(request.url, "http://x").searchParams.get("message_ids")!.split(","));
    expect(sent.map((page) => page.length)).toEqual([500, 500, 1]);
    expect(sent.flat()).toEqual(ids);
    expect(list.items.map((item) => item.message_id)).toEqual(["m0", "m100", "m200", "m300", "m400", "m500", "m600", "m700", "m800", "m900", "m1000"]);

    expect(await createFeedbackClient({ fetch }).listMessageFeedback([])).toEqual({ items: [] });
    expect(requests).toHaveLength(3);
  });

  it("sends the getToken bearer token, reuses it, and asks for a new one once after a 401", async () => {
    let issued = 0;
    const getToken = async () => `fbt_${++issued}`;
    const { fetch, requests } = recordingFetch((request) =>
      request.headers.authorization === "Bearer fbt_1" && requests.length > 2
        ? { status: 401, body: { detail: "Invalid bearer token", code: "unauthenticated" } }
        : { status: 200, body: { items: [] } },
    );
    const client = createFeedbackClient({ fetch, getToken, headers: () => ({ authorization: "Bearer overridden" }) });
    await client.listConversationFeedback("c1");
    await client.listConversationFeedback("c1");
    await client.listConversationFeedback("c1");
    expect(requests.map((request) => request.headers.authorization)).toEqual(["Bearer fbt_1", "Bearer fbt_1", "Bearer fbt_1", "Bearer fbt_2"]);

    // A second 401 is the answer, not a loop.
    const rejecting = recordingFetch(() => ({ status: 401, body: { detail: "Invalid bearer token", code: "unauthenticated" } }));
    const error = await failureOf(createFeedbackClient({ fetch: rejecting.fetch, getToken }).getFeedbackConfig());
    expect(error).toMatchObject({ status: 401, code: "unauthenticated", retryable: false });
    expect(rejecting.requests).toHaveLength(2);
  });

  it("fails like a network error when getToken throws, without calling the API", async () => {
    const { fetch, requests } = recordingFetch(() => ({ status: 200, body: { items: [] } }));
    const client = createFeedbackClient({ fetch, getToken: () => Promise.reject(new Error("host backend down")) });
    expect(await failureOf(client.listConversationFeedback("c1"))).toMatchObject({ status: 0, detail: "host backend down", retryable: true });
    expect(requests).toHaveLength(0);
  });

  describe("with a feedback token from getToken (fake timers)", () => {
    const T0 = Date.parse("2026-12-01T10:00:00Z");
    afterEach(() => vi.useRealTimers());

    /** A host backend that mints a token valid 10 minutes, answering as the mint endpoint does, after 50 ms. */
    function hostBackend() {
      let issued = 0;
      const getToken = vi.fn(
        () =>
          new Promise<{ token: string; token_type: string; expires_at: string; expires_in: number }>((resolve) => {
            const token = `fbt_${++issued}`;
            setTimeout(() => resolve({ token, token_type: "Bearer", expires_at: new Date(Date.now() + 600_000).toISOString(), expires_in: 600 }), 50);
          }),
      );
      return { getToken };
    }

    it("passes the mint endpoint's answer through, refreshes 30 s before expires_at, not before", async () => {
      vi.useFakeTimers({ now: T0 });
      const { getToken } = hostBackend();
      const { fetch, requests } = recordingFetch(() => ({ status: 200, body: { items: [] } }));
      const client = createFeedbackClient({ fetch, getToken });
      const call = async () => {
        const pending = client.listConversationFeedback("c1");
        await vi.advanceTimersByTimeAsync(50);
        await pending;
      };
      await call();
      await vi.advanceTimersByTimeAsync(600_000 - 30_000 - 100);
      await call();
      expect(getToken).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(100);
      await call();
      expect(getToken).toHaveBeenCalledTimes(2);
      expect(requests.map((request) => request.headers.authorization)).toEqual(["Bearer fbt_1", "Bearer fbt_1", "Bearer fbt_2"]);
    });

    it("requests that fail with the same expired token together cause one refresh, and each is retried once with the new token", async () => {
      vi.useFakeTimers({ now: T0 });
      const { getToken } = hostBackend();
      const revoked = new Set<string>();
      const { fetch, requests } = recordingFetch((request) =>
        revoked.has(request.headers.authorization!.slice("Bearer ".length))
          ? { status: 401, body: { detail: "Invalid or expired feedback token", code: "unauthenticated" } }
          : { status: 200, body: { items: [] } },
      );
      const client = createFeedbackClient({ fetch, getToken });
      const first = client.listConversationFeedback("c0");
      await vi.advanceTimersByTimeAsync(50);
      await first;
      revoked.add("fbt_1");
      const calls = Promise.all([client.listConversationFeedback("c1"), client.listConversationFeedback("c2"), client.listConversationFeedback("c3")]);
      await vi.advanceTimersByTimeAsync(200);
      await calls;
      expect(getToken).toHaveBeenCalledTimes(2);
      expect(requests.map((request) => request.headers.authorization)).toEqual(["Bearer fbt_1", "Bearer fbt_1", "Bearer fbt_1", "Bearer fbt_1", "Bearer fbt_2", "Bearer fbt_2", "Bearer fbt_2"]);
    });

    it("a 401 that arrives while a refresh is already under way waits for that refresh instead of starting another", async () => {
      vi.useFakeTimers({ now: T0 });
      const { getToken } = hostBackend();
      let slowReply: (reply: { status: number; body: unknown }) => void = () => {};
      const { fetch, requests } = recordingFetch((request) =>
        request.url.includes("slow") && requests.length === 1 ? new Promise((resolve) => (slowReply = resolve)) : { status: 200, body: { items: [] } },
      );
      const client = createFeedbackClient({ fetch, getToken });
      const slow = client.listConversationFeedback("slow");
      await vi.advanceTimersByTimeAsync(50);
      // The token nears its expiry while the slow request is out; the next request starts a refresh.
      await vi.advanceTimersByTimeAsync(580_000);
      const next = client.listConversationFeedback("c1");
      slowReply({ status: 401, body: { detail: "expired", code: "unauthenticated" } });
      await vi.advanceTimersByTimeAsync(200);
      await Promise.all([slow, next]);
      expect(getToken).toHaveBeenCalledTimes(2);
      expect(requests.map((request) => [new URL(request.url, "http://x").searchParams.get("conversation_id"), request.headers.authorization])).toEqual([
        ["slow", "Bearer fbt_1"],
        ["c1", "Bearer fbt_2"],
        ["slow", "Bearer fbt_2"],
      ]);
    });
  });
});
