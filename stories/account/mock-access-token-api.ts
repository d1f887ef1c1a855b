// An in-memory API for the personal access token and API key stories, served by MSW. Bodies are
// validated with the server's zod schemas, so stories meet the answers the app gives.
import { delay, http, HttpResponse } from "msw";
import { CreateApiKeyBodySchema, CreatePersonalAccessTokenBodySchema, type ApiKey, type PersonalAccessToken } from "@/lib/api/access-token-schemas";

export interface MockAccessTokenApiOptions {
  tokens?: () => PersonalAccessToken[];
  apiKeys?: () => ApiKey[];
  latency?: number | "infinite";
  /** Status the lists answer with instead of the data, e.g. 500. */
  failLists?: number;
}

const DAY_MS = 86_400_000;
const error = (status: number, detail: string, code: string) => HttpResponse.json({ detail, code }, { status });

export const sampleTokens = (): PersonalAccessToken[] => [
  { id: "pat-3", name: "reporting script", prefix: "fk_pat_Q3xk9a", created_at: "2026-11-28T09:00:00.000Z", expires_at: "2027-02-26T09:00:00.000Z", last_used_at: "2026-12-01T07:41:00.000Z", revoked_at: null },
  { id: "pat-2", name: "old laptop", prefix: "fk_pat_a81Lmz", created_at: "2026-10-02T12:00:00.000Z", expires_at: "2026-10-09T12:00:00.000Z", last_used_at: "2026-10-05T16:20:00.000Z", revoked_at: null },
  { id: "pat-1", name: "ci", prefix: "fk_pat_0pPzzc", created_at: "2026-09-01T08:00:00.000Z", expires_at: null, last_used_at: null, revoked_at: "2026-09-15T10:00:00.000Z" },
];

export const sampleApiKeys = (): ApiKey[] => [
  {
    id: "key-2",
    name: "production chat backend",
    prefix: "fk_key_Zx8fQ1",
    scopes: ["conversations:write", "feedback_tokens:mint"],
    created_at: "2026-11-20T10:00:00.000Z",
    created_by_email: "ada@acme.test",
    last_used_at: "2026-12-01T08:02:00.000Z",
    revoked_at: null,
  },
  { id: "key-1", name: "staging", prefix: "fk_key_77abQe", scopes: ["conversations:write"], created_at: "2026-09-01T10:00:00.000Z", created_by_email: null, last_used_at: null, revoked_at: "2026-10-01T10:00:00.000Z" },
];

export function mockAccessTokenApi(options: MockAccessTokenApiOptions = {}) {
  let tokens: PersonalAccessToken[] = [];
  let apiKeys: ApiKey[] = [];
  let counter = 0;
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];

  function reset() {
    tokens = (options.tokens ?? sampleTokens)();
    apiKeys = (options.apiKeys ?? sampleApiKeys)();
    calls.length = 0;
  }
  reset();

  const wait = () => (options.latency === "infinite" ? delay("infinite") : delay(options.latency ?? 40));
  const record = (request: Request, body?: unknown) => calls.push({ method: request.method, path: new URL(request.url).pathname, body });
  const secret = (prefix: string) => `${prefix}${String(++counter).padStart(4, "0")}StorySecretNotReal0000000000`;

  const handlers = [
    http.get("*/api/account/tokens", async ({ request }) => {
      record(request);
      await wait();
      return options.failLists ? error(options.failLists, "Internal server error", "internal_error") : HttpResponse.json({ items: tokens });
    }),
    http.post("*/api/account/tokens", async ({ request }) => {
      const body: unknown = await request.json();
      record(request, body);
      await wait();
      const parsed = CreatePersonalAccessTokenBodySchema.safeParse(body);
      if (!parsed.success) return error(400, "body.name: must not be empty", "validation_error");
      const token = secret("fk_pat_");
      const now = new Date();
      const created = {
        id: `pat-new-${counter}`,
        name: parsed.data.name,
        prefix: token.slice(0, 13),
        created_at: now.toISOString(),
        expires_at: parsed.data.expires_in_days === null ? null : new Date(now.getTime() + parsed.data.expires_in_days * DAY_MS).toISOString(),
        last_used_at: null,
        revoked_at: null,
      };
      tokens = [created, ...tokens];
      return HttpResponse.json({ ...created, token }, { status: 201 });
    }),
    http.delete("*/api/account/tokens/:id", async ({ request, params }) => {
      record(request);
      await wait();
      const token = tokens.find((entry) => entry.id === params.id);
      if (!token) return error(404, "Token not found", "not_found");
      token.revoked_at ??= new Date().toISOString();
      return new HttpResponse(null, { status: 204 });
    }),
    http.get("*/api/admin/api-keys", async ({ request }) => {
      record(request);
      await wait();
      return options.failLists ? error(options.failLists, "Internal server error", "internal_error") : HttpResponse.json({ items: apiKeys });
    }),
    http.post("*/api/admin/api-keys", async ({ request }) => {
      const body: unknown = await request.json();
      record(request, body);
      await wait();
      const parsed = CreateApiKeyBodySchema.safeParse(body);
      if (!parsed.success) return error(400, "body.scopes: must name at least one scope", "validation_error");
      const key = secret("fk_key_");
      const created = {
        id: `key-new-${counter}`,
        name: parsed.data.name,
        prefix: key.slice(0, 13),
        scopes: parsed.data.scopes,
        created_at: new Date().toISOString(),
        created_by_email: "ada@acme.test",
        last_used_at: null,
        revoked_at: null,
      };
      apiKeys = [created, ...apiKeys];
      return HttpResponse.json({ ...created, key }, { status: 201 });
    }),
    http.delete("*/api/admin/api-keys/:id", async ({ request, params }) => {
      record(request);
      await wait();
      const key = apiKeys.find((entry) => entry.id === params.id);
      if (!key) return error(404, "API key not found", "not_found");
      key.revoked_at ??= new Date().toISOString();
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return { handlers, calls, reset };
}

export type MockAccessTokenApi = ReturnType<typeof mockAccessTokenApi>;

/** The story's MSW handlers, reset to the story's starting data before each run. */
export const withAccessTokenApi = (api: MockAccessTokenApi) => ({ parameters: { msw: { handlers: api.handlers } }, beforeEach: () => api.reset() });
