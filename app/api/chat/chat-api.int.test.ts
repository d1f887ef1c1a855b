// Contract tests of the chat API: a signed-in user's own conversations, the streamed answer and
// how it is stored. Runs on SQLite and PostgreSQL; the upstream responder is a fake on a loopback port.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatStreamEvent } from "@/lib/api/chat-schemas";
import { POST as submitFeedback } from "@/app/api/feedback/route";
import { POST as ingestMessages } from "@/app/api/conversations/[conversation_id]/messages/route";
import { POST as ingestConversation } from "@/app/api/conversations/route";
import { createApiKey } from "@/server/auth/api-keys";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { offlineAnswer } from "@/server/responder/offline-responder";
import { countOf } from "@/test/db";
import { completionChunk, startFakeOpenAi, streamedAnswer, streamEvents, useFakeOpenAiResponder, type FakeOpenAi } from "@/test/fake-openai";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callEventStreamRoute, callRoute, sessionCookie, type TestUser } from "@/test/http";
import { POST as answerRoute } from "./conversations/[conversation_id]/answer/route";
import { POST as messagesRoute } from "./conversations/[conversation_id]/messages/route";
import { GET as getRoute } from "./conversations/[conversation_id]/route";
import { GET as listRoute, POST as createRoute } from "./conversations/route";

const db = getDb();
const provider = getDatabaseProvider();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const NOT_FOUND = { detail: "Conversation not found", code: "not_found" };
const NOT_OWNER = { detail: "Only the conversation's owner can add messages to it", code: "not_conversation_owner" };

async function setup() {
  const org = await createTestOrganization(db);
  const { key } = await createApiKey(db, { organizationId: org.organization.id, name: "chat backend", scopes: ["conversations:write"] });
  const cookieOf = (user: TestUser, role: "member" | "reviewer" | "admin") => sessionCookie(user, org.organization.id, role);
  return {
    ...org,
    apiKey: { authorization: `Bearer ${key}` },
    cookies: { member: await cookieOf(org.member, "member"), reviewer: await cookieOf(org.reviewer, "reviewer"), admin: await cookieOf(org.admin, "admin") },
  };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const list = (cookie: string, query = "") => callRoute(listRoute, { path: `/api/chat/conversations${query}`, cookie });
const create = (cookie: string, body: unknown = {}, headers?: Record<string, string>) =>
  callRoute(createRoute, { method: "POST", path: "/api/chat/conversations", body, cookie, headers });
const read = (cookie: string, id: string) => callRoute(getRoute, { path: `/api/chat/conversations/${id}`, params: { conversation_id: id }, cookie });
const send = (cookie: string, id: string, body: unknown, headers?: Record<string, string>) =>
  callEventStreamRoute<ChatStreamEvent>(messagesRoute, { path: `/api/chat/conversations/${id}/messages`, params: { conversation_id: id }, body, cookie, headers });
const answerAgain = (cookie: string, id: string) =>
  callEventStreamRoute<ChatStreamEvent>(answerRoute, { path: `/api/chat/conversations/${id}/answer`, params: { conversation_id: id }, cookie });

async function storedMessages(conversationId: string) {
  return db.selectFrom("Message").select(["role", "content", "position"]).where("conversationId", "=", conversationId).orderBy("position").execute();
}

async function newChat(s: Setup, cookie = s.cookies.member): Promise<string> {
  const response = await create(cookie);
  expect(response.status).toBe(201);
  return (response.body as { id: string }).id;
}

const deltasOf = (events: ChatStreamEvent[]) => events.flatMap((event) => (event.type === "delta" ? [event.text] : [])).join("");

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe(`GET /api/chat/conversations (${provider})`, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  it("lists the caller's conversations, also those a chat backend registered, newest activity first", async () => {
    const started = await create(s.cookies.member, { title: "Started in the chat" });
    const ingested = await callRoute(ingestConversation, {
      method: "POST",
      path: "/api/conversations",
      headers: s.apiKey,
      body: {
        user_email: s.member.email,
        external_id: "backend-1",
        messages: [
          { role: "user", content: "Registered by the backend, without a title" },
          { role: "assistant", content: "An answer " + "long ".repeat(60) },
        ],
      },
    });
    expect(ingested.status).toBe(201);
    // Other people's conversations are not the caller's, also not a reviewer's or another organization's.
    await create(s.cookies.reviewer);
    const other = await setup();
    await create(other.cookies.member);

    const response = await list(s.cookies.member);
    expect(response.status).toBe(200);
    const ingestedId = (ingested.body as { id: string }).id;
    const longAnswer = "An answer " + "long ".repeat(60);
    expect(response.body).toEqual({
      items: [
        {
          id: ingestedId,
          external_id: "backend-1",
          title: "Registered by the backend, without a title",
          message_count: 2,
          last_message: { role: "assistant", preview: longAnswer.slice(0, 160), created_at: expect.stringMatching(ISO) },
          created_at: expect.stringMatching(ISO),
          updated_at: expect.stringMatching(ISO),
        },
        {
          id: (started.body as { id: string }).id,
          external_id: null,
          title: "Started in the chat",
          message_count: 0,
          last_message: null,
          created_at: expect.stringMatching(ISO),
          updated_at: expect.stringMatching(ISO),
        },
      ],
      next_cursor: null,
    });
  });

  it("moves a conversation to the top when a message arrives", async () => {
    const t = await setup();
    const older = await newChat(t);
    const newer = await newChat(t);
    expect(((await list(t.cookies.member)).body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([newer, older]);
    const appended = await callRoute(ingestMessages, {
      method: "POST",
      path: `/api/conversations/${older}/messages`,
      params: { conversation_id: older },
      headers: t.apiKey,
      body: { messages: [{ role: "user", content: "Back to this one" }] },
    });
    expect(appended.status).toBe(201);
    const items = ((await list(t.cookies.member)).body as { items: Array<{ id: string; title: string; last_message: unknown }> }).items;
    expect(items.map((item) => item.id)).toEqual([older, newer]);
    expect(items[0]).toMatchObject({ title: "Back to this one", last_message: { role: "user", preview: "Back to this one" } });
  });

  it("pages by cursor", async () => {
    const t = await setup();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push(await newChat(t));
    const newestFirst = ids.toReversed();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await list(t.cookies.member, `?limit=2${cursor ? `&before=${encodeURIComponent(cursor)}` : ""}`);
      expect(response.status).toBe(200);
      const page = response.body as { items: Array<{ id: string }>; next_cursor: string | null };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect({ seen, pages }).toEqual({ seen: newestFirst, pages: 3 });
  });

  it("refuses bad paging input with 400 and what is wrong", async () => {
    expect(await list(s.cookies.member, "?before=bm90LWEtY3Vyc29y")).toMatchObject({
      status: 400,
      body: { detail: "query.before: not a cursor of this list", code: "validation_error", errors: [{ location: "query", path: "before", message: "not a cursor of this list" }] },
    });
    for (const query of ["?limit=0", "?limit=101", "?limit=two", "?limit=1&limit=2"]) {
      const response = await list(s.cookies.member, query);
      expect({ query, status: response.status, code: (response.body as { code: string }).code }).toEqual({ query, status: 400, code: "validation_error" });
    }
  });

  it("needs a signed-in user: 401 without one, 403 for an API key", async () => {
    expect(await callRoute(listRoute, { path: "/api/chat/conversations" })).toMatchObject({
      status: 401,
      body: { detail: "Authentication required: sign in or send a bearer token", code: "unauthenticated" },
    });
    expect(await callRoute(listRoute, { path: "/api/chat/conversations", headers: s.apiKey })).toMatchObject({ status: 403, body: { code: "api_key_not_allowed" } });
  });
});

describe(`POST /api/chat/conversations (${provider})`, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  it("creates an empty conversation of the caller's (201)", async () => {
    const response = await create(s.cookies.member, { title: "  Billing questions  " });
    expect(response).toMatchObject({ status: 201 });
    expect(response.body).toEqual({
      id: expect.any(String),
      external_id: null,
      user_id: s.member.id,
      title: "Billing questions",
      created_at: expect.stringMatching(ISO),
      messages: [],
    });
    const untitled = await create(s.cookies.member, {});
    expect(untitled.body).toMatchObject({ title: null, user_id: s.member.id });
  });

  it("refuses bad input and cross-site writes without creating anything", async () => {
    const before = await countOf(db.selectFrom("Conversation").where("userId", "=", s.member.id));
    expect(await create(s.cookies.member, { title: 7 })).toMatchObject({ status: 400, body: { code: "validation_error" } });
    expect(await create(s.cookies.member, { title: "x".repeat(501) })).toMatchObject({ status: 400, body: { code: "validation_error" } });
    expect(await create(s.cookies.member, "{")).toMatchObject({ status: 400, body: { code: "malformed_json" } });
    expect(await callRoute(createRoute, { method: "POST", path: "/api/chat/conversations", cookie: s.cookies.member })).toMatchObject({
      status: 400,
      body: { code: "body_required" },
    });
    expect(await create(s.cookies.member, {}, { origin: "https://evil.example" })).toMatchObject({ status: 403, body: { code: "cross_site_request" } });
    expect(await countOf(db.selectFrom("Conversation").where("userId", "=", s.member.id))).toBe(before);
  });
});

describe(`GET /api/chat/conversations/{id} (${provider})`, () => {
  it("shows the owner and the organization's reviewers and admins the conversation; 404 for everyone else", async () => {
    const s = await setup();
    const { conversation, messages } = await createTestConversation(db, s.organization.id, s.member.id, 1);
    const expected = {
      id: conversation.id,
      external_id: null,
      user_id: s.member.id,
      title: "Test chat",
      created_at: conversation.createdAt,
      messages: messages.map((message) => ({
        id: message.id,
        external_id: null,
        role: message.role,
        content: message.content,
        position: message.position,
        created_at: message.createdAt,
      })),
    };
    for (const cookie of [s.cookies.member, s.cookies.reviewer, s.cookies.admin]) expect(await read(cookie, conversation.id)).toMatchObject({ status: 200, body: expected });

    const { conversation: reviewersOwn } = await createTestConversation(db, s.organization.id, s.reviewer.id, 1);
    expect(await read(s.cookies.member, reviewersOwn.id)).toMatchObject({ status: 404, body: NOT_FOUND });
    const other = await setup();
    expect(await read(other.cookies.admin, conversation.id)).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(await read(s.cookies.member, "no-such-conversation")).toMatchObject({ status: 404, body: NOT_FOUND });
  });
});

describe(`POST /api/chat/conversations/{id}/messages, offline responder (${provider})`, () => {
  it("stores the message, streams the answer, then stores it and sends its id last; the kit can rate it at once", async () => {
    const s = await setup();
    const id = await newChat(s);
    const response = await send(s.cookies.member, id, { content: "  How do I get a refund?  " });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");

    const [first, ...rest] = response.events;
    const last = rest.at(-1);
    const expectedAnswer = offlineAnswer([{ role: "user", content: "How do I get a refund?" }]);
    expect(first).toEqual({
      type: "user_message",
      message: { id: expect.any(String), external_id: null, role: "user", content: "How do I get a refund?", position: 0, created_at: expect.stringMatching(ISO) },
    });
    expect(rest.slice(0, -1).every((event) => event.type === "delta")).toBe(true);
    expect(rest.length).toBeGreaterThan(10);
    expect(deltasOf(response.events)).toBe(expectedAnswer);
    expect(last).toEqual({
      type: "assistant_message",
      message: { id: expect.any(String), external_id: null, role: "assistant", content: expectedAnswer, position: 1, created_at: expect.stringMatching(ISO) },
    });
    expect(await storedMessages(id)).toEqual([
      { role: "user", content: "How do I get a refund?", position: 0 },
      { role: "assistant", content: expectedAnswer, position: 1 },
    ]);

    const answerId = last?.type === "assistant_message" ? last.message.id : "";
    const vote = await callRoute(submitFeedback, { method: "POST", path: "/api/feedback", cookie: s.cookies.member, body: { message_id: answerId, feedback_type: "positive" } });
    expect(vote).toMatchObject({ status: 201, body: { message_id: answerId, feedback_type: "positive" } });
  });

  it("refuses bad input, other people's conversations and API keys before storing anything", async () => {
    const s = await setup();
    const id = await newChat(s);
    const cases: Array<[string, Awaited<ReturnType<typeof send>>, number, unknown]> = [
      ["blank", await send(s.cookies.member, id, { content: "   " }), 400, { code: "validation_error", detail: "body.content: must not be empty" }],
      ["too long", await send(s.cookies.member, id, { content: "x".repeat(8001) }), 400, { code: "validation_error" }],
      ["not a string", await send(s.cookies.member, id, { content: 42 }), 400, { code: "validation_error" }],
      ["no body", await send(s.cookies.member, id, undefined), 400, { code: "body_required" }],
      ["unknown conversation", await send(s.cookies.member, "missing", { content: "Hi" }), 404, NOT_FOUND],
      ["a reviewer reading it", await send(s.cookies.reviewer, id, { content: "Hi" }), 403, NOT_OWNER],
      ["another organization", await send((await setup()).cookies.admin, id, { content: "Hi" }), 404, NOT_FOUND],
      ["an API key", await send("", id, { content: "Hi" }, s.apiKey), 403, { code: "api_key_not_allowed" }],
      ["cross-site", await send(s.cookies.member, id, { content: "Hi" }, { "sec-fetch-site": "cross-site" }), 403, { code: "cross_site_request" }],
    ];
    for (const [name, response, status, body] of cases) {
      expect({ name, status: response.status, events: response.events }).toEqual({ name, status, events: [] });
      expect(response.body, name).toMatchObject(body as object);
    }
    expect(await storedMessages(id)).toEqual([]);
    const { conversation: othersChat } = await createTestConversation(db, s.organization.id, s.reviewer.id, 1);
    expect(await send(s.cookies.member, othersChat.id, { content: "Hi" })).toMatchObject({ status: 404, body: NOT_FOUND });
  });
});

describe(`the answer from an OpenAI-compatible endpoint (${provider})`, () => {
  useFakeOpenAiResponder(() => fake);

  it("sends the conversation so far and streams the endpoint's answer", async () => {
    const s = await setup();
    const { conversation } = await createTestConversation(db, s.organization.id, s.member.id, 1);
    fake.answerWith(streamedAnswer(["Open ", "Settings", "."]));
    const response = await send(s.cookies.member, conversation.id, { content: "Where is it?" });
    expect(response.events.map((event) => event.type)).toEqual(["user_message", "delta", "delta", "delta", "assistant_message"]);
    expect(deltasOf(response.events)).toBe("Open Settings.");
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      model: "fake-model",
      stream: true,
      messages: [
        { role: "user", content: "Question 1?" },
        { role: "assistant", content: "Answer 1." },
        { role: "user", content: "Where is it?" },
      ],
    });
    expect((await storedMessages(conversation.id)).map((message) => message.content)).toEqual(["Question 1?", "Answer 1.", "Where is it?", "Open Settings."]);
  });

  it("ends with an error event when the endpoint fails, keeps the question and stores no answer; answering again then works", async () => {
    const s = await setup();
    const id = await newChat(s);
    fake.answerWith((_request, _body, response) => response.writeHead(503, { "content-type": "application/json" }).end('{"error":{"message":"overloaded"}}'));
    const failed = await send(s.cookies.member, id, { content: "Are you there?" });
    expect(failed.status).toBe(200);
    expect(failed.events).toEqual([
      { type: "user_message", message: expect.objectContaining({ role: "user", content: "Are you there?" }) },
      { type: "error", code: "responder_failed", detail: "The assistant service answered 503", retryable: true },
    ]);
    expect(await storedMessages(id)).toEqual([{ role: "user", content: "Are you there?", position: 0 }]);

    fake.answerWith(streamedAnswer(["Yes, ", "here."]));
    const retried = await answerAgain(s.cookies.member, id);
    expect(retried.status).toBe(200);
    expect(retried.events).toEqual([
      { type: "delta", text: "Yes, " },
      { type: "delta", text: "here." },
      { type: "assistant_message", message: expect.objectContaining({ role: "assistant", content: "Yes, here.", position: 1 }) },
    ]);
    expect(await answerAgain(s.cookies.member, id)).toMatchObject({
      status: 409,
      body: { detail: "The conversation does not end with a message to answer", code: "nothing_to_answer" },
    });
  });

  it("stores nothing of an answer that breaks off in the middle", async () => {
    const s = await setup();
    const id = await newChat(s);
    fake.answerWith(streamEvents([completionChunk("Half an ")]));
    const response = await send(s.cookies.member, id, { content: "Tell me everything" });
    expect(response.events.slice(1)).toEqual([
      { type: "delta", text: "Half an " },
      { type: "error", code: "responder_failed", detail: "The assistant service stopped before the answer was complete", retryable: true },
    ]);
    expect(await storedMessages(id)).toHaveLength(1);
  });

  it("does not store an answer when another message arrived while it was written", async () => {
    const s = await setup();
    const id = await newChat(s);
    let appended: Promise<{ status: number }> | undefined;
    fake.answerWith((request, body, response) => {
      // While the answer streams, the chat backend appends a message to the same conversation.
      appended = callRoute(ingestMessages, {
        method: "POST",
        path: `/api/conversations/${id}/messages`,
        params: { conversation_id: id },
        headers: s.apiKey,
        body: { messages: [{ role: "user", content: "Sent from another device" }] },
      });
      void appended.then(() => streamedAnswer(["Late ", "answer"])(request, body, response));
    });
    const response = await send(s.cookies.member, id, { content: "First question" });
    expect((await appended)?.status).toBe(201);
    expect(response.events.at(-1)).toEqual({
      type: "error",
      code: "conversation_changed",
      detail: "Another message arrived while the answer was written, so it was not saved",
      retryable: false,
    });
    expect((await storedMessages(id)).map((message) => message.content)).toEqual(["First question", "Sent from another device"]);
  });

  it("stops the upstream answer and stores nothing when the client goes away", async () => {
    const s = await setup();
    const id = await newChat(s);
    fake.answerWith(streamedAnswer(["One ", "two ", "three ", "four ", "five"], { gapMs: 100 }));
    const client = new AbortController();
    const request = new Request(`http://localhost:3000/api/chat/conversations/${id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: s.cookies.member },
      body: JSON.stringify({ content: "Start" }),
      signal: client.signal,
    });
    const response = await messagesRoute(request, { params: Promise.resolve({ conversation_id: id }) });
    const reader = response.body!.getReader();
    let received = "";
    while (!received.includes('"type":"delta"')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toContain('"type":"user_message"');
    client.abort();
    await reader.cancel();
    await expect.poll(() => fake.closedEarly).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedMessages(id)).toEqual([{ role: "user", content: "Start", position: 0 }]);
  });
});

describe(`POST /api/chat/conversations/{id}/answer (${provider})`, () => {
  it("answers only the owner's conversation that ends with a question", async () => {
    const s = await setup();
    const empty = await newChat(s);
    expect(await answerAgain(s.cookies.member, empty)).toMatchObject({ status: 409, body: { code: "nothing_to_answer" } });
    const { conversation } = await createTestConversation(db, s.organization.id, s.member.id, 1);
    expect(await answerAgain(s.cookies.member, conversation.id)).toMatchObject({ status: 409, body: { code: "nothing_to_answer" } });
    expect(await answerAgain(s.cookies.reviewer, conversation.id)).toMatchObject({ status: 403, body: NOT_OWNER });
    expect(await answerAgain((await setup()).cookies.member, conversation.id)).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(await answerAgain(s.cookies.member, "missing")).toMatchObject({ status: 404, body: NOT_FOUND });
    expect((await storedMessages(conversation.id)).length).toBe(2);
  });
});
