// The authorization matrix: every endpoint of lib/api/all-endpoints.ts (the rows) × every way to
// call it (the columns, CREDENTIALS), each cell the status class the call gets: 2xx, 401, 403 or 404.
//
// A cell's expected value comes from the endpoint's `auth` mode and the column's rule; a row lists
// only the cells that differ, in `except`, and each says why. A row also says how to build a request
// that succeeds for someone allowed in (fresh rows for every cell, so a DELETE in one cell leaves the
// next its own row). An endpoint without a row fails the first test, so no route ships unchecked.
//
// A new credential kind is one more entry in CREDENTIALS: its headers, and its rule from what the
// contract says (`auth`, `apiKeyScope`, `feedbackToken`). A new endpoint is one more row.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allEndpoints } from "@/lib/api/all-endpoints";
import { API_KEY_SCOPE_NAMES, type ApiKeyScope } from "@/lib/api/api-key-scopes";
import type { Endpoint } from "@/lib/api/endpoint";
import { dismissFeedback } from "@/server/admin/review-service";
import { createApiKey } from "@/server/auth/api-keys";
import { createPersonalAccessToken } from "@/server/auth/personal-access-tokens";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import type { Role } from "@/server/db/generated/enums";
import { actorOf, createAccessOrganization, createExtraMember, createGoldenExampleOf, createVote, type AccessOrganization } from "@/test/access-fixtures";
import { callEndpoint, type EndpointRequest } from "@/test/endpoint-call";
import { startFakeOpenAi, streamedAnswer, useFakeOpenAiResponder, type FakeOpenAi } from "@/test/fake-openai";
import { createTestConversation } from "@/test/fixtures";

const db = getDb();

type Outcome = "2xx" | 401 | 403 | 404;

interface World {
  /** The organization whose rows every request names. */
  home: AccessOrganization;
  /** Another organization: its admin and its API key must find nothing of home's. */
  other: AccessOrganization;
}

// ─── The columns ────────────────────────────────────────────────────────────────────────────────

interface Credential {
  /** The home organization's user the credential acts as; the request's rows are theirs. */
  homeUser?: Role;
  headers(world: World): Record<string, string>;
  /** The cell for an endpoint, before the row's exceptions. */
  expected(endpoint: Endpoint): Outcome;
}

const RANK: Record<Role, number> = { member: 0, reviewer: 1, admin: 2 };

/** A user of the organization (session or personal access token): what their role allows; API-key endpoints want a key (401). */
function asUser(role: Role) {
  return ({ auth }: Endpoint): Outcome => {
    if (auth === "public") return "2xx";
    if (auth === "api_key") return 401;
    return RANK[role] >= RANK[auth] ? "2xx" : 403;
  };
}

/** A revoked or expired token: nobody. */
const asNobody = ({ auth }: Endpoint): Outcome => (auth === "public" ? "2xx" : 401);

/**
 * An API key: the endpoints that name a scope (api_key ones, and user endpoints a key may read)
 * when it has that scope (403 otherwise; 401 when revoked). Any other user endpoint refuses a key
 * as such (403 api_key_not_allowed, by its prefix alone, so also when revoked).
 */
function asApiKey({ scopes, valid }: { scopes: readonly ApiKeyScope[]; valid: boolean }) {
  return ({ auth, apiKeyScope }: Endpoint): Outcome => {
    if (auth === "public") return "2xx";
    if (auth !== "api_key" && !apiKeyScope) return 403;
    if (!valid) return 401;
    return apiKeyScope && scopes.includes(apiKeyScope) ? "2xx" : 403;
  };
}

/**
 * A feedback token of the member: the user feedback endpoints, as the member; every other user
 * endpoint refuses it (403); API-key endpoints want a key (401). A token for another conversation
 * finds nothing that an endpoint's input names (404).
 */
function asFeedbackToken({ ownConversation }: { ownConversation: boolean }) {
  return (endpoint: Endpoint): Outcome => {
    if (endpoint.auth === "public") return "2xx";
    if (endpoint.auth === "api_key") return 401;
    if (!endpoint.feedbackToken) return 403;
    return ownConversation || !(endpoint.params || endpoint.query || endpoint.body) ? "2xx" : 404;
  };
}

/** Someone of another organization is let in as in their own, but a path naming one of home's rows finds nothing. */
function fromOtherOrganization(inOwnOrganization: (endpoint: Endpoint) => Outcome) {
  return (endpoint: Endpoint): Outcome => {
    const outcome = inOwnOrganization(endpoint);
    return outcome === "2xx" && endpoint.params ? 404 : outcome;
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const CREDENTIALS = {
  anonymous: { headers: () => ({}), expected: asNobody },
  member: { homeUser: "member", headers: ({ home }) => ({ cookie: home.cookies.member }), expected: asUser("member") },
  reviewer: { homeUser: "reviewer", headers: ({ home }) => ({ cookie: home.cookies.reviewer }), expected: asUser("reviewer") },
  admin: { homeUser: "admin", headers: ({ home }) => ({ cookie: home.cookies.admin }), expected: asUser("admin") },
  otherOrgAdmin: { headers: ({ other }) => ({ cookie: other.cookies.admin }), expected: fromOtherOrganization(asUser("admin")) },
  memberToken: { homeUser: "member", headers: ({ home }) => bearer(home.tokens.member), expected: asUser("member") },
  reviewerToken: { homeUser: "reviewer", headers: ({ home }) => bearer(home.tokens.reviewer), expected: asUser("reviewer") },
  adminToken: { homeUser: "admin", headers: ({ home }) => bearer(home.tokens.admin), expected: asUser("admin") },
  revokedToken: { headers: ({ home }) => bearer(home.tokens.revoked), expected: asNobody },
  expiredToken: { headers: ({ home }) => bearer(home.tokens.expired), expected: asNobody },
  apiKey: { headers: ({ home }) => bearer(home.apiKey), expected: asApiKey({ scopes: API_KEY_SCOPE_NAMES, valid: true }) },
  readOnlyApiKey: { headers: ({ home }) => bearer(home.readOnlyApiKey), expected: asApiKey({ scopes: ["feedback:read"], valid: true }) },
  scopelessApiKey: { headers: ({ home }) => bearer(home.scopelessApiKey), expected: asApiKey({ scopes: [], valid: true }) },
  revokedApiKey: { headers: ({ home }) => bearer(home.revokedApiKey), expected: asApiKey({ scopes: API_KEY_SCOPE_NAMES, valid: false }) },
  otherOrgApiKey: { headers: ({ other }) => bearer(other.apiKey), expected: fromOtherOrganization(asApiKey({ scopes: API_KEY_SCOPE_NAMES, valid: true })) },
  feedbackToken: { homeUser: "member", headers: ({ home }) => bearer(home.feedbackTokens.anyConversation), expected: asFeedbackToken({ ownConversation: true }) },
  otherConversationFeedbackToken: {
    homeUser: "member",
    headers: ({ home }) => bearer(home.feedbackTokens.oneConversation),
    expected: asFeedbackToken({ ownConversation: false }),
  },
} satisfies Record<string, Credential>;

type CredentialName = keyof typeof CREDENTIALS;

// ─── The rows ───────────────────────────────────────────────────────────────────────────────────

/** Fresh rows of the home organization for one cell; `owner` is the caller when they are a home user, else its member. */
interface Cell {
  home: AccessOrganization;
  owner: Role;
  /** A conversation of the owner with one question and its answer. */
  chat(): Promise<{ conversationId: string; answerId: string }>;
  /** A conversation of the owner whose last message, their question, has no answer yet. */
  unansweredChat(): Promise<{ conversationId: string }>;
  /** A pending vote by the member, for the review endpoints. */
  vote(type?: "positive" | "negative"): Promise<{ feedbackId: string }>;
  dismissedVote(): Promise<{ feedbackId: string }>;
  goldenExample(): Promise<{ id: string }>;
  /** A personal access token of the owner. */
  personalToken(): Promise<{ id: string }>;
  apiKey(): Promise<{ id: string }>;
  /** A membership to change or remove. */
  extraMember(): Promise<{ id: string }>;
}

interface Row {
  /** A request that succeeds for a caller the endpoint lets in. */
  request(cell: Cell): Promise<EndpointRequest>;
  /** Cells that differ from the column's rule, with the reason in a comment. */
  except?: Partial<Record<CredentialName, Outcome>>;
}

const ROWS: Record<string, Row> = {
  // Feedback: the rating widget.
  submitFeedback: {
    request: async ({ chat }) => ({ body: { message_id: (await chat()).answerId, feedback_type: "positive" } }),
    except: { otherOrgAdmin: 404 }, // the body names home's message
  },
  listFeedback: {
    request: async ({ chat }) => ({ query: [["conversation_id", (await chat()).conversationId]] }),
    except: { otherOrgAdmin: 404 }, // the query names home's conversation
  },
  getMessageFeedback: { request: async ({ chat }) => ({ params: { message_id: (await chat()).answerId } }) },
  withdrawFeedback: { request: async ({ chat }) => ({ params: { message_id: (await chat()).answerId } }) },
  getFeedbackConfig: { request: async () => ({}) },

  // Ingestion: chat backends with an API key.
  createConversation: {
    request: async ({ home }) => ({ body: { user_email: home.member.email, messages: [{ role: "user", content: "Hello?" }] } }),
    except: { otherOrgApiKey: 404 }, // user_email is not a member of the key's organization
  },
  appendMessages: {
    request: async ({ chat }) => ({ params: { conversation_id: (await chat()).conversationId }, body: { messages: [{ role: "user", content: "And then?" }] } }),
  },
  getConversation: { request: async ({ chat }) => ({ params: { conversation_id: (await chat()).conversationId } }) },

  // Chat: the signed-in user's own conversations.
  listChatConversations: { request: async () => ({}) },
  createChatConversation: { request: async () => ({ body: {} }) },
  getChatConversation: { request: async ({ chat }) => ({ params: { conversation_id: (await chat()).conversationId } }) },
  sendChatMessage: { request: async ({ chat }) => ({ params: { conversation_id: (await chat()).conversationId }, body: { content: "One more question?" } }) },
  answerChatConversation: { request: async ({ unansweredChat }) => ({ params: { conversation_id: (await unansweredChat()).conversationId } }) },

  // Review: reviewers and admins.
  listReviewQueue: { request: async () => ({}) },
  getReviewStats: { request: async () => ({}) },
  getDailyReviewStats: { request: async () => ({}) },
  getReviewItem: { request: async ({ vote }) => ({ params: { id: (await vote()).feedbackId } }) },
  resolveFeedback: { request: async ({ vote }) => ({ params: { id: (await vote()).feedbackId }, body: {} }) },
  dismissFeedback: { request: async ({ vote }) => ({ params: { id: (await vote()).feedbackId }, body: {} }) },
  restoreFeedback: { request: async ({ dismissedVote }) => ({ params: { id: (await dismissedVote()).feedbackId }, body: {} }) },
  deleteReviewItem: { request: async ({ vote }) => ({ params: { id: (await vote()).feedbackId } }) },
  generateCorrectedResponse: { request: async ({ vote }) => ({ params: { id: (await vote("negative")).feedbackId } }) },
  // Another organization's admin gets a 200 whose results say not_found for each id.
  bulkReview: { request: async ({ vote }) => ({ body: { action: "dismiss", ids: [(await vote()).feedbackId] } }) },
  getReviewSettings: { request: async () => ({}) },
  updateReviewSettings: { request: async () => ({ body: { feedback_enabled: true } }) },
  listAuditLog: { request: async () => ({}) },

  // Golden examples: reviewers and admins.
  listGoldenExamples: { request: async () => ({}) },
  createGoldenExample: { request: async () => ({ body: { original_query: "How do I export?", golden_response: "Settings → Export." } }) },
  exportGoldenExamples: { request: async () => ({ query: [["format", "csv"]] }) },
  getGoldenExample: { request: async ({ goldenExample }) => ({ params: { id: (await goldenExample()).id } }) },
  updateGoldenExample: { request: async ({ goldenExample }) => ({ params: { id: (await goldenExample()).id }, body: { is_active: false } }) },
  deleteGoldenExample: { request: async ({ goldenExample }) => ({ params: { id: (await goldenExample()).id } }) },

  // Feedback tokens: minted by a host backend with an API key.
  mintFeedbackToken: {
    request: async ({ home }) => ({ body: { user_id: home.member.id } }),
    except: { otherOrgApiKey: 404 }, // user_id is not a member of the key's organization
  },

  // Personal access tokens: the caller's own.
  listPersonalAccessTokens: { request: async () => ({}) },
  createPersonalAccessToken: { request: async () => ({ body: { name: "ci script", expires_in_days: 7 } }) },
  revokePersonalAccessToken: { request: async ({ personalToken }) => ({ params: { id: (await personalToken()).id } }) },

  // API keys and members: admins.
  listApiKeys: { request: async () => ({}) },
  createApiKey: { request: async () => ({ body: { name: "backend", scopes: ["feedback:read"] } }) },
  revokeApiKey: { request: async ({ apiKey }) => ({ params: { id: (await apiKey()).id } }) },
  listMembers: { request: async () => ({}) },
  addMember: { request: async () => ({ body: { email: `new-${randomUUID()}@example.test`, role: "member" } }) },
  updateMember: { request: async ({ extraMember }) => ({ params: { id: (await extraMember()).id }, body: { role: "reviewer" } }) },
  removeMember: { request: async ({ extraMember }) => ({ params: { id: (await extraMember()).id } }) },
};

// ─── Walking the matrix ─────────────────────────────────────────────────────────────────────────

function cellOf(home: AccessOrganization, owner: Role): Cell {
  const organizationId = home.organization.id;
  return {
    home,
    owner,
    chat: async () => {
      const { conversation, messages } = await createTestConversation(db, organizationId, home[owner].id, 1);
      return { conversationId: conversation.id, answerId: messages[1]!.id };
    },
    unansweredChat: async () => {
      const { conversation, messages } = await createTestConversation(db, organizationId, home[owner].id, 1);
      await db.deleteFrom("Message").where("id", "=", messages[1]!.id).execute();
      return { conversationId: conversation.id };
    },
    vote: (type = "positive") => createVote(db, home, "member", type),
    dismissedVote: async () => {
      const vote = await createVote(db, home, "member");
      await dismissFeedback({ db, actor: actorOf(home, "reviewer") }, vote.feedbackId, {});
      return vote;
    },
    goldenExample: () => createGoldenExampleOf(db, home),
    personalToken: () => createPersonalAccessToken({ db, actor: actorOf(home, owner) }, { name: "to revoke", expires_in_days: 7 }),
    apiKey: () => createApiKey(db, { organizationId, name: "to revoke", scopes: ["feedback:read"] }),
    extraMember: () => createExtraMember(db, home),
  };
}

/** The status class of an answer; a 2xx the contract does not declare, or any other status, is shown as it is. */
function outcomeOf(endpoint: Endpoint, status: number): Outcome | string {
  if (status >= 200 && status < 300) return endpoint.responses[status] ? "2xx" : `${status} (not in the contract)`;
  return status === 401 || status === 403 || status === 404 ? status : String(status);
}

let world: World;
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.answerWith(streamedAnswer(["An answer."]));
  world = { home: await createAccessOrganization(db), other: await createAccessOrganization(db) };
});
afterAll(() => fake.close());

const credentialNames = Object.keys(CREDENTIALS) as CredentialName[];

describe(`authorization matrix (${getDatabaseProvider()})`, () => {
  useFakeOpenAiResponder(() => fake);

  it("has a row for every endpoint, and no row for an endpoint that does not exist", () => {
    const ids = allEndpoints.map((endpoint) => endpoint.id);
    expect(ids.filter((id) => !Object.hasOwn(ROWS, id)), "endpoints without a row in ROWS").toEqual([]);
    expect(Object.keys(ROWS).filter((id) => !ids.includes(id)), "rows of no endpoint").toEqual([]);
  });

  it.each(allEndpoints.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))("%s", async (_name, endpoint) => {
    const row = ROWS[endpoint.id];
    if (!row) return; // reported by the first test
    const expected: Record<string, Outcome | string> = {};
    const actual: Record<string, Outcome | string> = {};
    for (const name of credentialNames) {
      const credential: Credential = CREDENTIALS[name];
      expected[name] = row.except?.[name] ?? credential.expected(endpoint);
      const request = await row.request(cellOf(world.home, credential.homeUser ?? "member"));
      const answer = await callEndpoint(endpoint, { ...request, headers: { ...request.headers, ...credential.headers(world) } });
      actual[name] = outcomeOf(endpoint, answer.status);
    }
    expect(actual, `${endpoint.id} (auth: ${endpoint.auth})`).toEqual(expected);
  });
});
