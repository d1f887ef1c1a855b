// Contract tests of the ingestion API: a chat backend registers conversations and messages with an
// organization API key. Runs on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { ConversationMessageListSchema, ConversationResponseSchema } from "@/lib/api/conversation-schemas";
import { createApiKey } from "@/server/auth/api-keys";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { countOf } from "@/test/db";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { POST as postMessages } from "./[conversation_id]/messages/route";
import { GET as getConversationRoute } from "./[conversation_id]/route";
import { POST as postConversation } from "./route";

const db = getDb();

const provider = getDatabaseProvider();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KEY_REQUIRED = "An organization API key is required: Authorization: Bearer fk_key_…";

async function setup() {
  const org = await createTestOrganization(db);
  const { key } = await createApiKey(db, { organizationId: org.organization.id, name: "chat backend", scopes: ["conversations:write"] });
  return { ...org, key, headers: { authorization: `Bearer ${key}` } };
}

type Setup = Awaited<ReturnType<typeof setup>>;
type Headers = Record<string, string>;

const create = (s: Pick<Setup, "headers">, body: unknown, headers: Headers = s.headers) =>
  callRoute(postConversation, { method: "POST", path: "/api/conversations", body, headers });

const append = (s: Pick<Setup, "headers">, conversationId: string, body: unknown, headers: Headers = s.headers) =>
  callRoute(postMessages, {
    method: "POST",
    path: `/api/conversations/${conversationId}/messages`,
    params: { conversation_id: conversationId },
    body,
    headers,
  });

const read = (s: Pick<Setup, "headers">, conversationId: string, headers: Headers = s.headers) =>
  callRoute(getConversationRoute, { path: `/api/conversations/${conversationId}`, params: { conversation_id: conversationId }, headers });

const conversationBody = (response: { body: unknown }) => ConversationResponseSchema.parse(response.body);
const messageItems = (response: { body: unknown }) => ConversationMessageListSchema.parse(response.body).items;

async function storedPositions(conversationId: string) {
  const rows = await db.selectFrom("Message").select("position").where("conversationId", "=", conversationId).orderBy("position").execute();
  return rows.map((row) => row.position);
}

const notFoundBody = (detail: string) => ({ detail, code: "not_found" });

describe(`POST /api/conversations (${provider})`, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  it("creates the conversation with its messages in order (201)", async () => {
    const response = await create(s, {
      user_email: s.member.email,
      external_id: "chat-1",
      title: "Refunds",
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: "How do I get a refund?", external_id: "chat-1-m1" },
        { role: "assistant", content: "Open Settings → Billing.", external_id: "chat-1-m2" },
      ],
    });
    expect(response.status).toBe(201);
    const body = conversationBody(response);
    expect(body).toEqual({
      id: expect.any(String),
      external_id: "chat-1",
      user_id: s.member.id,
      title: "Refunds",
      created_at: expect.stringMatching(ISO),
      messages: [
        { id: expect.any(String), external_id: null, role: "system", content: "You are helpful.", position: 0, created_at: expect.stringMatching(ISO) },
        { id: expect.any(String), external_id: "chat-1-m1", role: "user", content: "How do I get a refund?", position: 1, created_at: expect.stringMatching(ISO) },
        { id: expect.any(String), external_id: "chat-1-m2", role: "assistant", content: "Open Settings → Billing.", position: 2, created_at: expect.stringMatching(ISO) },
      ],
    });
    const stored = await db.selectFrom("Conversation").selectAll().where("id", "=", body.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ organizationId: s.organization.id, userId: s.member.id });
    const storedMessages = await db.selectFrom("Message").select("organizationId").where("conversationId", "=", body.id).execute();
    expect(storedMessages.map((message) => message.organizationId)).toEqual([s.organization.id, s.organization.id, s.organization.id]);
  });

  it("creates an empty conversation without external_id or title (201)", async () => {
    const response = await create(s, { user_email: s.reviewer.email });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      external_id: null,
      user_id: s.reviewer.id,
      title: null,
      created_at: expect.stringMatching(ISO),
      messages: [],
    });
    // Without an external_id every request is a new conversation.
    const again = await create(s, { user_email: s.reviewer.email });
    expect(again.status).toBe(201);
    expect(conversationBody(again).id).not.toBe(conversationBody(response).id);
  });

  it("is idempotent on external_id: a repeat returns the stored conversation unchanged (200)", async () => {
    const request = { user_email: s.member.email, external_id: "chat-idem", title: "First", messages: [{ role: "user", content: "Hello" }] };
    const first = await create(s, request);
    expect(first.status).toBe(201);
    const repeat = await create(s, {
      ...request,
      title: "Second",
      messages: [{ role: "user", content: "Hello" }, { role: "assistant", content: "Hi!" }],
    });
    expect(repeat).toMatchObject({ status: 200, body: first.body });
    const id = conversationBody(first).id;
    expect(await countOf(db.selectFrom("Message").where("conversationId", "=", id))).toBe(1);
    expect(await countOf(db.selectFrom("Conversation").where("organizationId", "=", s.organization.id).where("externalId", "=", "chat-idem"))).toBe(1);
  });

  it("finds the user by email regardless of letter case", async () => {
    const response = await create(s, { user_email: s.member.email.toUpperCase() });
    expect(response.status).toBe(201);
    expect(conversationBody(response).user_id).toBe(s.member.id);
  });

  it("answers 404 for an unknown user and for a user of another organization, and stores nothing", async () => {
    const other = await setup();
    const before = await countOf(db.selectFrom("Conversation").where("organizationId", "=", s.organization.id));
    for (const email of ["nobody@example.test", other.member.email]) {
      expect(await create(s, { user_email: email, external_id: `ghost-${email}` })).toMatchObject({
        status: 404,
        body: notFoundBody("User not found"),
      });
    }
    expect(await countOf(db.selectFrom("Conversation").where("organizationId", "=", s.organization.id))).toBe(before);
  });

  it("answers 409 when the external_id belongs to another user's conversation", async () => {
    expect((await create(s, { user_email: s.member.email, external_id: "chat-owned" })).status).toBe(201);
    expect(await create(s, { user_email: s.admin.email, external_id: "chat-owned" })).toMatchObject({
      status: 409,
      body: { detail: 'A conversation with external_id "chat-owned" belongs to another user', code: "conversation_external_id_conflict" },
    });
  });

  it("answers 409 when a message external_id is already used by another conversation, and stores nothing", async () => {
    await create(s, { user_email: s.member.email, messages: [{ role: "user", content: "Hi", external_id: "taken-m" }] });
    const before = await countOf(db.selectFrom("Conversation").where("organizationId", "=", s.organization.id));
    expect(
      await create(s, { user_email: s.member.email, external_id: "chat-taken", messages: [{ role: "user", content: "Hi", external_id: "taken-m" }] }),
    ).toMatchObject({
      status: 409,
      body: { detail: 'A message with external_id "taken-m" already belongs to another conversation', code: "message_external_id_conflict" },
    });
    expect(await countOf(db.selectFrom("Conversation").where("organizationId", "=", s.organization.id))).toBe(before);
  });

  it("scopes external ids to the organization", async () => {
    const other = await setup();
    const request = { external_id: "shared-chat", messages: [{ role: "user", content: "Hi", external_id: "shared-m" }] };
    const mine = await create(s, { ...request, user_email: s.member.email });
    const theirs = await create(other, { ...request, user_email: other.member.email });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(conversationBody(mine).id).not.toBe(conversationBody(theirs).id);
  });

  it("creates one conversation when the same external_id is posted concurrently", async () => {
    const request = { user_email: s.member.email, external_id: "chat-race", messages: [{ role: "user", content: "Hi", external_id: "chat-race-m" }] };
    const responses = await Promise.all(Array.from({ length: 5 }, () => create(s, request)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(responses.map((response) => conversationBody(response).id)).size).toBe(1);
    expect(await countOf(db.selectFrom("Conversation").where("organizationId", "=", s.organization.id).where("externalId", "=", "chat-race"))).toBe(1);
    expect(await countOf(db.selectFrom("Message").where("organizationId", "=", s.organization.id).where("externalId", "=", "chat-race-m"))).toBe(1);
  });
});

describe(`POST /api/conversations/{id}/messages (${provider})`, () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  const newConversation = async (messages: unknown[] = [{ role: "user", content: "Question?" }]) =>
    conversationBody(await create(s, { user_email: s.member.email, messages }));

  it("appends after the last message, in request order (201)", async () => {
    const conversation = await newConversation();
    const response = await append(s, conversation.id, {
      messages: [
        { role: "assistant", content: "Answer.", external_id: "append-a" },
        { role: "user", content: "Thanks" },
      ],
    });
    expect(response).toMatchObject({ status: 201 });
    expect(response.body).toEqual({
      items: [
        { id: expect.any(String), external_id: "append-a", role: "assistant", content: "Answer.", position: 1, created_at: expect.stringMatching(ISO) },
        { id: expect.any(String), external_id: null, role: "user", content: "Thanks", position: 2, created_at: expect.stringMatching(ISO) },
      ],
    });
    expect(await storedPositions(conversation.id)).toEqual([0, 1, 2]);
  });

  it("appends to an empty conversation from position 0", async () => {
    const conversation = await newConversation([]);
    const items = messageItems(await append(s, conversation.id, { messages: [{ role: "user", content: "First" }] }));
    expect(items.map((item) => item.position)).toEqual([0]);
  });

  it("does not store a retried batch twice: the stored messages come back (200)", async () => {
    const conversation = await newConversation();
    const batch = {
      messages: [
        { role: "assistant", content: "Answer.", external_id: "retry-a" },
        { role: "user", content: "More?", external_id: "retry-b" },
      ],
    };
    const first = await append(s, conversation.id, batch);
    expect(first.status).toBe(201);
    const retry = await append(s, conversation.id, batch);
    expect(retry).toMatchObject({ status: 200, body: first.body });
    expect(await storedPositions(conversation.id)).toEqual([0, 1, 2]);
  });

  it("stores only the new messages of a partly retried batch (201), answering in request order", async () => {
    const conversation = await newConversation();
    const [stored] = messageItems(await append(s, conversation.id, { messages: [{ role: "assistant", content: "A", external_id: "part-a" }] }));
    const response = await append(s, conversation.id, {
      messages: [
        { role: "assistant", content: "A (sent again, ignored)", external_id: "part-a" },
        { role: "user", content: "B", external_id: "part-b" },
      ],
    });
    expect(response.status).toBe(201);
    expect(messageItems(response)).toEqual([
      stored,
      { id: expect.any(String), external_id: "part-b", role: "user", content: "B", position: 2, created_at: expect.stringMatching(ISO) },
    ]);
  });

  it("answers 409 for an external_id of another conversation and stores none of the batch", async () => {
    const elsewhere = await newConversation([{ role: "user", content: "Hi", external_id: "elsewhere-m" }]);
    const conversation = await newConversation();
    expect(
      await append(s, conversation.id, {
        messages: [
          { role: "assistant", content: "New" },
          { role: "user", content: "Hi", external_id: "elsewhere-m" },
        ],
      }),
    ).toMatchObject({
      status: 409,
      body: { detail: 'A message with external_id "elsewhere-m" already belongs to another conversation', code: "message_external_id_conflict" },
    });
    expect(await storedPositions(conversation.id)).toEqual([0]);
    expect(await storedPositions(elsewhere.id)).toEqual([0]);
  });

  it("answers 404 for an unknown conversation and for another organization's conversation", async () => {
    const other = await setup();
    const theirs = await createTestConversation(db, other.organization.id, other.member.id, 1);
    const body = { messages: [{ role: "user", content: "Hi" }] };
    for (const id of ["does-not-exist", theirs.conversation.id]) {
      expect(await append(s, id, body)).toMatchObject({ status: 404, body: notFoundBody("Conversation not found") });
    }
    expect(await storedPositions(theirs.conversation.id)).toEqual([0, 1]);
  });

  it("gives 10 concurrent appends distinct consecutive positions", async () => {
    const conversation = await newConversation();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) => append(s, conversation.id, { messages: [{ role: "user", content: `Parallel ${index}` }] })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const positions = responses.map((response) => messageItems(response)[0]!.position).sort((a, b) => a - b);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await storedPositions(conversation.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("stores a batch retried concurrently once", async () => {
    const conversation = await newConversation();
    const batch = {
      messages: [
        { role: "assistant", content: "A", external_id: "race-a" },
        { role: "user", content: "B", external_id: "race-b" },
      ],
    };
    const responses = await Promise.all(Array.from({ length: 5 }, () => append(s, conversation.id, batch)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 201]);
    for (const response of responses) expect(response.body).toEqual(responses[0]!.body);
    expect(await storedPositions(conversation.id)).toEqual([0, 1, 2]);
  });

  it("accepts 100 messages in one request", async () => {
    const conversation = await newConversation([]);
    const messages = Array.from({ length: 100 }, (_, index) => ({ role: index % 2 ? "assistant" : "user", content: `Turn ${index}` }));
    const response = await append(s, conversation.id, { messages });
    expect(response.status).toBe(201);
    expect(messageItems(response).map((item) => [item.position, item.content])).toEqual(messages.map((message, index) => [index, message.content]));
  });
});

describe(`GET /api/conversations/{id} (${provider})`, () => {
  it("returns the conversation with all its messages in order (200)", async () => {
    const s = await setup();
    const created = conversationBody(
      await create(s, { user_email: s.member.email, external_id: "read-me", title: "Read", messages: [{ role: "user", content: "Q" }] }),
    );
    const appended = messageItems(await append(s, created.id, { messages: [{ role: "assistant", content: "A", external_id: "read-a" }] }));
    const response = await read(s, created.id);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...created, messages: [...created.messages, ...appended] });
  });

  it("answers 404 for an unknown conversation and for another organization's conversation", async () => {
    const s = await setup();
    const other = await setup();
    const theirs = await createTestConversation(db, other.organization.id, other.member.id, 1);
    for (const id of ["does-not-exist", theirs.conversation.id]) {
      expect(await read(s, id)).toMatchObject({ status: 404, body: notFoundBody("Conversation not found") });
    }
  });
});

describe(`authentication: organization API keys only (${provider})`, () => {
  let s: Setup;
  let conversationId: string;
  beforeAll(async () => {
    s = await setup();
    conversationId = (await createTestConversation(db, s.organization.id, s.member.id, 1)).conversation.id;
  });

  const calls: Array<[string, (headers: Headers) => ReturnType<typeof callRoute>]> = [
    ["POST /api/conversations", (headers) => create(s, { user_email: s.member.email, external_id: "auth-chat" }, headers)],
    ["POST /api/conversations/{id}/messages", (headers) => append(s, conversationId, { messages: [{ role: "user", content: "Hi" }] }, headers)],
    ["GET /api/conversations/{id}", (headers) => read(s, conversationId, headers)],
  ];

  async function assertNothingStored() {
    expect(await countOf(db.selectFrom("Conversation").where("organizationId", "=", s.organization.id))).toBe(1);
    expect(await storedPositions(conversationId)).toEqual([0, 1]);
  }

  it.each(calls)("%s answers 401 without a key", async (_label, call) => {
    const response = await call({});
    expect(response).toMatchObject({ status: 401, body: { detail: KEY_REQUIRED, code: "unauthenticated" } });
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="feedback-kit"');
    await assertNothingStored();
  });

  it.each(calls)("%s answers 401 for a user's session cookie: these endpoints take API keys only", async (_label, call) => {
    const cookie = await sessionCookie(s.admin, s.organization.id, "admin");
    expect(await call({ cookie })).toMatchObject({ status: 401, body: { detail: KEY_REQUIRED, code: "unauthenticated" } });
    await assertNothingStored();
  });

  it.each(calls)("%s answers 401 for a revoked key", async (_label, call) => {
    const { id, key } = await createApiKey(db, { organizationId: s.organization.id, name: "revoked", scopes: ["conversations:write"] });
    await db.updateTable("ApiKey").set({ revokedAt: new Date().toISOString() }).where("id", "=", id).execute();
    expect(await call({ authorization: `Bearer ${key}` })).toMatchObject({
      status: 401,
      body: { detail: "Invalid or revoked API key", code: "unauthenticated" },
    });
    await assertNothingStored();
  });

  it.each(calls)("%s answers 401 for an unknown key, a non-key bearer token and a malformed header", async (_label, call) => {
    for (const token of ["fk_key_unknown", "not-an-api-key"]) {
      expect(await call({ authorization: `Bearer ${token}` })).toMatchObject({
        status: 401,
        body: { detail: "Invalid or revoked API key", code: "unauthenticated" },
      });
    }
    expect(await call({ authorization: `Basic ${s.key}` })).toMatchObject({
      status: 401,
      body: { detail: 'Malformed Authorization header: expected "Bearer <token>"', code: "unauthenticated" },
    });
    await assertNothingStored();
  });

  it("records when a key was last used", async () => {
    const { id, key } = await createApiKey(db, { organizationId: s.organization.id, name: "used", scopes: ["conversations:write"] });
    expect((await read(s, conversationId, { authorization: `Bearer ${key}` })).status).toBe(200);
    const { lastUsedAt } = await db.selectFrom("ApiKey").select("lastUsedAt").where("id", "=", id).executeTakeFirstOrThrow();
    expect(Date.now() - Date.parse(lastUsedAt ?? "")).toBeLessThan(60_000);
  });
});

describe(`bad input: 400 with the field named, nothing stored (${provider})`, () => {
  let s: Setup;
  let conversationId: string;
  beforeAll(async () => {
    s = await setup();
    conversationId = (await createTestConversation(db, s.organization.id, s.member.id, 1)).conversation.id;
  });

  const validation = (detail: string) => ({ status: 400, body: { detail, code: "validation_error" } });
  const message = (overrides: Record<string, unknown> = {}) => ({ role: "user", content: "Hi", ...overrides });

  async function snapshot() {
    return {
      conversations: await countOf(db.selectFrom("Conversation").where("organizationId", "=", s.organization.id)),
      messages: await countOf(db.selectFrom("Message").where("organizationId", "=", s.organization.id)),
    };
  }

  const createCases: Array<[string, () => unknown, object]> = [
    ["malformed JSON", () => '{"user_email": ', { status: 400, body: { code: "malformed_json" } }],
    ["an empty body", () => "", { status: 400, body: { detail: "Request body is required: send a JSON object", code: "body_required" } }],
    ["a JSON array", () => [], validation("body: Invalid input: expected object, received array")],
    ["a missing user_email", () => ({}), validation("body.user_email: Invalid input: expected string, received undefined")],
    ["a user_email that is no address", () => ({ user_email: "member" }), validation("body.user_email: must be an email address")],
    ["a NUL in user_email", () => ({ user_email: "a\u0000@b.test" }), validation("body.user_email: must not contain NUL characters")],
    ["an empty external_id", () => ({ user_email: s.member.email, external_id: "" }), validation("body.external_id: must not be empty")],
    [
      "an external_id over 128 characters",
      () => ({ user_email: s.member.email, external_id: "x".repeat(129) }),
      validation("body.external_id: must be at most 128 characters"),
    ],
    ["a numeric title", () => ({ user_email: s.member.email, title: 7 }), validation("body.title: Invalid input: expected string, received number")],
    ["messages that are not a list", () => ({ user_email: s.member.email, messages: {} }), validation("body.messages: Invalid input: expected array, received object")],
    [
      "an unknown role",
      () => ({ user_email: s.member.email, messages: [message({ role: "tool" })] }),
      validation('body.messages.0.role: Invalid option: expected one of "system"|"user"|"assistant"'),
    ],
    ["empty content", () => ({ user_email: s.member.email, messages: [message({ content: "" })] }), validation("body.messages.0.content: must not be empty")],
    [
      "NUL in content",
      () => ({ user_email: s.member.email, messages: [message(), message({ content: "a\u0000b" })] }),
      validation("body.messages.1.content: must not contain NUL characters"),
    ],
    [
      "a repeated message external_id",
      () => ({ user_email: s.member.email, messages: [message({ external_id: "dup" }), message({ external_id: "dup" })] }),
      validation("body.messages.1.external_id: repeats the external_id of message 0"),
    ],
    [
      "101 messages",
      () => ({ user_email: s.member.email, messages: Array.from({ length: 101 }, () => message()) }),
      validation("body.messages: must contain at most 100 messages"),
    ],
  ];

  it.each(createCases)("POST /api/conversations rejects %s", async (_label, body, expected) => {
    const before = await snapshot();
    expect(await create(s, body())).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });

  const appendCases: Array<[string, () => unknown, object]> = [
    ["a missing messages list", () => ({}), validation("body.messages: Invalid input: expected array, received undefined")],
    ["an empty messages list", () => ({ messages: [] }), validation("body.messages: must contain at least one message")],
    ["a missing content", () => ({ messages: [{ role: "user" }] }), validation("body.messages.0.content: Invalid input: expected string, received undefined")],
    ["a numeric content", () => ({ messages: [message({ content: 42 })] }), validation("body.messages.0.content: Invalid input: expected string, received number")],
    [
      "a message external_id over 128 characters",
      () => ({ messages: [message({ external_id: "m".repeat(129) })] }),
      validation("body.messages.0.external_id: must be at most 128 characters"),
    ],
    [
      "a repeated message external_id",
      () => ({ messages: [message({ external_id: "x" }), message(), message({ external_id: "x" })] }),
      validation("body.messages.2.external_id: repeats the external_id of message 0"),
    ],
  ];

  it.each(appendCases)("POST /api/conversations/{id}/messages rejects %s", async (_label, body, expected) => {
    const before = await snapshot();
    expect(await append(s, conversationId, body())).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });

  it("rejects a conversation id over 128 characters", async () => {
    const id = "c".repeat(129);
    const expected = validation("path.conversation_id: must be at most 128 characters");
    expect(await read(s, id)).toMatchObject(expected);
    expect(await append(s, id, { messages: [message()] })).toMatchObject(expected);
  });

  it("accepts content up to 100,000 characters", async () => {
    const content = "é".repeat(100_000);
    const [item] = messageItems(await append(s, conversationId, { messages: [message({ content })] }));
    expect(item!.content).toBe(content);
  });

  it("rejects content over 100,000 characters and bodies over 4 MiB", async () => {
    const before = await snapshot();
    expect(await append(s, conversationId, { messages: [message({ content: "x".repeat(100_001) })] })).toMatchObject({
      status: 400,
      body: { code: "validation_error", detail: expect.stringMatching(/^body\.messages\.0\.content: must be at most 100000 characters/) },
    });
    const huge = Array.from({ length: 50 }, () => message({ content: "x".repeat(100_000) }));
    expect(await append(s, conversationId, { messages: huge })).toMatchObject({
      status: 400,
      body: { detail: "Request body is larger than 4194304 bytes", code: "body_too_large" },
    });
    expect(await snapshot()).toEqual(before);
  });
});
