// CORS (issue #11): preflights on every route of the contracts, and the headers of the actual
// answers, for allowed and refused origins. Runs on SQLite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { allEndpoints } from "@/lib/api/all-endpoints";
import type { Endpoint } from "@/lib/api/endpoint";
import { createApiKey } from "@/server/auth/api-keys";
import { mintFeedbackToken } from "@/server/auth/feedback-tokens";
import { createPersonalAccessToken } from "@/server/auth/personal-access-tokens";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { GET as getConversation } from "./conversations/[conversation_id]/route";
import { PUT as putSettings } from "./feedback/admin/settings/route";
import { GET as getConfig } from "./feedback/config/route";
import { GET as listFeedback, POST as submitFeedback } from "./feedback/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Handler>>;

const routeModules = import.meta.glob<RouteModule>("./**/route.ts");
const db = getDb();

/** The route file serving an endpoint: /api/feedback/message/{message_id} → ./feedback/message/[message_id]/route.ts */
function routeFileOf(endpoint: Endpoint): string {
  return `.${endpoint.path.replace(/^\/api/, "").replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
}

/** A path of the endpoint with made-up ids; a preflight never reads them. */
function samplePath(endpoint: Endpoint, trailingSlash = false): string {
  return endpoint.path.replace(/\{\w+\}/g, "0190f0e0-0000-7000-8000-000000000000") + (trailingSlash ? "/" : "");
}

const methodsByFile = new Map<string, Set<string>>();
for (const endpoint of allEndpoints) {
  const file = routeFileOf(endpoint);
  methodsByFile.set(file, (methodsByFile.get(file) ?? new Set()).add(endpoint.method));
}

const tag = randomUUID().slice(0, 8);
const ALLOWED = `https://chat-${tag}.example.com`;
const OTHER_ORGS_ORIGIN = `https://other-${tag}.example.com`;
const REFUSED = `https://evil-${tag}.example.com`;

let org: Awaited<ReturnType<typeof createTestOrganization>>;
let apiKey: string;
let otherApiKey: string;
let conversationId: string;
let memberCookie: string;
let messageId: string;
let feedbackToken: string;

beforeAll(async () => {
  org = await createTestOrganization(db);
  const other = await createTestOrganization(db);
  apiKey = (await createApiKey(db, { organizationId: org.organization.id, name: "cors", scopes: ["conversations:write"] })).key;
  otherApiKey = (await createApiKey(db, { organizationId: other.organization.id, name: "cors", scopes: ["conversations:write"] })).key;
  const chat = await createTestConversation(db, org.organization.id, org.member.id);
  conversationId = chat.conversation.id;
  messageId = chat.messages[1]!.id;
  const apiKeyActor = { kind: "api_key" as const, apiKeyId: "host", organizationId: org.organization.id, scopes: ["feedback_tokens:mint" as const] };
  feedbackToken = (await mintFeedbackToken({ db, actor: apiKeyActor }, { user_email: org.member.email, ttl_seconds: 900 })).token;
  memberCookie = await sessionCookie(org.member, org.organization.id, "member");
  const allow = async (organization: typeof org, origins: string[]) => {
    const cookie = await sessionCookie(organization.admin, organization.organization.id, "admin");
    const response = await callRoute(putSettings, { method: "PUT", path: "/api/feedback/admin/settings", body: { allowed_origins: origins }, cookie });
    expect(response.status).toBe(200);
  };
  await allow(org, [ALLOWED]);
  await allow(other, [OTHER_ORGS_ORIGIN]);
});

function preflight(handler: Handler, path: string, origin: string, method: string) {
  return handler(
    new Request(`http://localhost:3000${path}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization,content-type" },
    }),
    { params: Promise.resolve({}) },
  );
}

const corsHeaders = (headers: Headers) => Object.fromEntries([...headers].filter(([name]) => name.startsWith("access-control-") || name === "vary" || name === "allow"));

describe(`CORS (${getDatabaseProvider()})`, () => {
  it("every route of the contracts answers preflights: 204 with exact headers for an allowed origin, 403 without CORS headers for another", async () => {
    expect(methodsByFile.size).toBeGreaterThan(20);
    for (const [file, methods] of methodsByFile) {
      const load = routeModules[file];
      expect(load, `${file} exists`).toBeDefined();
      const route = await load!();
      expect(route.OPTIONS, `${file} exports OPTIONS`).toBeTypeOf("function");
      const allow = [...[...methods].sort(), "OPTIONS"].join(", ");
      const endpoint = allEndpoints.find((candidate) => routeFileOf(candidate) === file)!;
      for (const trailingSlash of [false, true]) {
        const path = samplePath(endpoint, trailingSlash);
        const allowed = await preflight(route.OPTIONS!, path, ALLOWED, endpoint.method);
        expect({ file, path, status: allowed.status, headers: corsHeaders(allowed.headers), body: await allowed.text() }).toEqual({
          file,
          path,
          status: 204,
          headers: {
            allow,
            vary: "Origin",
            "access-control-allow-origin": ALLOWED,
            "access-control-allow-methods": allow,
            "access-control-allow-headers": "Authorization, Content-Type",
            "access-control-max-age": "600",
          },
          body: "",
        });
        const refused = await preflight(route.OPTIONS!, path, REFUSED, endpoint.method);
        expect({ file, status: refused.status, headers: corsHeaders(refused.headers), body: await refused.json() }).toEqual({
          file,
          status: 403,
          headers: { allow, vary: "Origin" },
          body: { code: "cross_site_request", detail: `Origin ${REFUSED} is not allowed: an admin can add it to the allowed origins in the settings` },
        });
      }
    }
  });

  it("a preflight is decided by origin alone (it carries no credentials): any organization's allowed origin passes", async () => {
    const { OPTIONS } = await routeModules["./feedback/route.ts"]!();
    const response = await preflight(OPTIONS!, "/api/feedback/", OTHER_ORGS_ORIGIN, "POST");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(OTHER_ORGS_ORIGIN);
  });

  it("a plain OPTIONS (no Origin, or no Access-Control-Request-Method) lists the methods without CORS headers", async () => {
    const { OPTIONS } = await routeModules["./feedback/route.ts"]!();
    for (const headers of [{}, { origin: ALLOWED }] as Array<Record<string, string>>) {
      const response = await OPTIONS!(new Request("http://localhost:3000/api/feedback", { method: "OPTIONS", headers }), { params: Promise.resolve({}) });
      expect({ status: response.status, headers: corsHeaders(response.headers) }).toEqual({ status: 204, headers: { allow: "GET, POST, OPTIONS", vary: "Origin" } });
    }
  });

  it("an actual answer carries CORS headers only when the caller's organization allows the origin; never credentials", async () => {
    const call = (origin: string, key: string, path = `/api/conversations/${conversationId}`) =>
      callRoute(getConversation, { path, params: { conversation_id: conversationId }, headers: { origin, authorization: `Bearer ${key}` } });
    const allowed = await call(ALLOWED, apiKey);
    expect({ status: allowed.status, headers: corsHeaders(allowed.headers) }).toEqual({
      status: 200,
      headers: { vary: "Origin", "access-control-allow-origin": ALLOWED, "access-control-expose-headers": "Retry-After, WWW-Authenticate" },
    });
    expect((await call(ALLOWED, apiKey, `/api/conversations/${conversationId}/`)).headers.get("access-control-allow-origin")).toBe(ALLOWED);
    // Allowed by another organization only: the browser gets no CORS headers, so the page cannot read the answer.
    const otherOrigin = await call(OTHER_ORGS_ORIGIN, apiKey);
    expect({ status: otherOrigin.status, headers: corsHeaders(otherOrigin.headers) }).toEqual({ status: 200, headers: { vary: "Origin" } });
    const refused = await call(REFUSED, apiKey);
    expect(corsHeaders(refused.headers)).toEqual({ vary: "Origin" });
    // The other organization's key on its own origin: CORS headers (and that organization's 404).
    const foreign = await call(OTHER_ORGS_ORIGIN, otherApiKey);
    expect({ status: foreign.status, allowOrigin: foreign.headers.get("access-control-allow-origin") }).toEqual({ status: 404, allowOrigin: OTHER_ORGS_ORIGIN });
    for (const response of [allowed, otherOrigin, refused, foreign]) expect(response.headers.has("access-control-allow-credentials")).toBe(false);
  });

  it("a feedback token's answers carry CORS headers on its organization's origins only", async () => {
    const vote = (origin: string, feedback_type: string) =>
      callRoute(submitFeedback, { method: "POST", path: "/api/feedback/", headers: { origin, authorization: `Bearer ${feedbackToken}` }, body: { message_id: messageId, feedback_type } });
    const allowed = await vote(ALLOWED, "positive");
    expect({ status: allowed.status, headers: corsHeaders(allowed.headers) }).toEqual({
      status: 201,
      headers: { vary: "Origin", "access-control-allow-origin": ALLOWED, "access-control-expose-headers": "Retry-After, WWW-Authenticate" },
    });
    const read = await callRoute(listFeedback, { path: `/api/feedback?conversation_id=${conversationId}`, headers: { origin: ALLOWED, authorization: `Bearer ${feedbackToken}` } });
    expect({ status: read.status, allowOrigin: read.headers.get("access-control-allow-origin") }).toEqual({ status: 200, allowOrigin: ALLOWED });
    // Another organization's origin passed the preflight, but the page cannot read this answer.
    const elsewhere = await vote(OTHER_ORGS_ORIGIN, "negative");
    expect({ status: elsewhere.status, headers: corsHeaders(elsewhere.headers) }).toEqual({ status: 200, headers: { vary: "Origin" } });
  });

  it("a personal access token is treated like a feedback token: its organization's origins only", async () => {
    const memberActor = { kind: "user" as const, userId: org.member.id, organizationId: org.organization.id, role: "member" as const, email: org.member.email, name: org.member.name, credential: { kind: "session" as const } };
    const { token } = await createPersonalAccessToken({ db, actor: memberActor }, { name: "cors", expires_in_days: 7 });
    const read = (origin: string) => callRoute(getConfig, { path: "/api/feedback/config/", headers: { origin, authorization: `Bearer ${token}` } });
    expect(Object.fromEntries(await Promise.all([ALLOWED, OTHER_ORGS_ORIGIN, REFUSED].map(async (origin) => [origin, (await read(origin)).headers.get("access-control-allow-origin")])))).toEqual({
      [ALLOWED]: ALLOWED,
      [OTHER_ORGS_ORIGIN]: null,
      [REFUSED]: null,
    });
  });

  it("a 401 before the caller is known is readable by any allowed origin, so a kit can refresh its token", async () => {
    const response = await callRoute(listFeedback, { path: `/api/feedback?conversation_id=${conversationId}`, headers: { origin: ALLOWED, authorization: "Bearer expired" } });
    expect({ status: response.status, headers: corsHeaders(response.headers) }).toEqual({
      status: 401,
      headers: { vary: "Origin", "access-control-allow-origin": ALLOWED, "access-control-expose-headers": "Retry-After, WWW-Authenticate" },
    });
    const refused = await callRoute(getConfig, { path: "/api/feedback/config", headers: { origin: REFUSED } });
    expect({ status: refused.status, headers: corsHeaders(refused.headers) }).toEqual({ status: 401, headers: { vary: "Origin" } });
  });

  it("same-origin calls need no CORS headers; a cookie never gets them; cookie-authenticated writes from an allowed origin are refused as cross-site", async () => {
    const same = await callRoute(getConfig, { path: "/api/feedback/config", cookie: memberCookie, headers: { origin: "http://localhost:3000" } });
    expect({ status: same.status, headers: corsHeaders(same.headers) }).toEqual({ status: 200, headers: { vary: "Origin" } });
    const cookieRead = await callRoute(getConfig, { path: "/api/feedback/config", cookie: memberCookie, headers: { origin: ALLOWED } });
    expect({ status: cookieRead.status, headers: corsHeaders(cookieRead.headers) }).toEqual({ status: 200, headers: { vary: "Origin" } });
    const write = await callRoute(submitFeedback, { method: "POST", path: "/api/feedback", cookie: memberCookie, headers: { origin: ALLOWED }, body: { message_id: "x", feedback_type: "positive" } });
    expect(write).toMatchObject({ status: 403, body: { code: "cross_site_request" } });
    expect(write.headers.has("access-control-allow-credentials")).toBe(false);
  });

  it("an origin removed in the settings is refused at once on this instance", async () => {
    const removable = await createTestOrganization(db);
    const origin = `https://removed-${tag}.example.com`;
    const cookie = await sessionCookie(removable.admin, removable.organization.id, "admin");
    const set = (allowed_origins: string[]) => callRoute(putSettings, { method: "PUT", path: "/api/feedback/admin/settings", body: { allowed_origins }, cookie });
    const { OPTIONS } = await routeModules["./feedback/route.ts"]!();
    expect((await preflight(OPTIONS!, "/api/feedback", origin, "POST")).status).toBe(403);
    await set([origin]);
    expect((await preflight(OPTIONS!, "/api/feedback", origin, "POST")).status).toBe(204);
    await set([]);
    expect((await preflight(OPTIONS!, "/api/feedback", origin, "POST")).status).toBe(403);
  });
});
