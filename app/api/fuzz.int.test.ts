// Property-based fuzzing of every endpoint of lib/api/all-endpoints.ts through its real route
// handler: params, query and body are generated from the endpoint's zod schemas (well-typed values
// with real ids, and hostile ones: wrong types, huge, NUL and unicode strings, prototype keys,
// repeated query keys, malformed and deeply nested JSON, ids of unknown and other organizations'
// rows). Whatever comes in:
//   - the answer is never a 5xx, and an error is `{"detail", "code"}`;
//   - an error, or any GET, changes none of the organization's rows;
//   - nothing of another organization ever changes.
// The seed is fixed so CI is repeatable; FUZZ_SEED and FUZZ_RUNS explore further (a failure prints
// the seed and the input that failed).
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allEndpoints } from "@/lib/api/all-endpoints";
import type { Endpoint } from "@/lib/api/endpoint";
import { dismissFeedback } from "@/server/admin/review-service";
import { sessionCookieName } from "@/server/auth/auth-secret";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { createAccessOrganization, createGoldenExampleOf, createVote, actorOf, type AccessOrganization } from "@/test/access-fixtures";
import { callEndpoint, type EndpointAnswer, type EndpointRequest } from "@/test/endpoint-call";
import { startFakeOpenAi, streamedAnswer, useFakeOpenAiResponder, type FakeOpenAi } from "@/test/fake-openai";
import { organizationSnapshot, type OrganizationSnapshot } from "@/test/organization-snapshot";
import { hostileBodyText, queryArbitrary, schemaArbitrary } from "@/test/zod-arbitrary";

const db = getDb();
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** FUZZ_STATS=1 prints how often each endpoint answered each status and code: do the requests get past validation? */
const answers = new Map<string, number>();
function countAnswer(endpoint: Endpoint, answer: EndpointAnswer) {
  const key = `${endpoint.id} ${answer.status} ${(answer.body as { code?: string } | undefined)?.code ?? ""}`;
  answers.set(key, (answers.get(key) ?? 0) + 1);
}
afterAll(() => {
  if (process.env.FUZZ_STATS) console.log([...answers].sort().map(([key, count]) => `${key}: ${count}`).join("\n"));
});

/** Another organization, one for the whole file: none of its rows may ever change. */
async function createOtherOrganization() {
  const other = await createAccessOrganization(db);
  await createVote(db, other, "admin", "negative");
  await createGoldenExampleOf(db, other);
  return other;
}

/** An organization with a row of every kind, made for each endpoint (valid writes change it). */
async function createWorld(other: AccessOrganization) {
  const home = await createAccessOrganization(db);
  await createVote(db, home, "admin", "positive");
  await createVote(db, home, "admin", "negative");
  await createVote(db, home, "member", "negative");
  const dismissed = await createVote(db, home, "member", "positive");
  await dismissFeedback({ db, actor: actorOf(home, "reviewer") }, dismissed.feedbackId, { reason: "fixture" });
  await createGoldenExampleOf(db, home);
  const snapshots = [await organizationSnapshot(db, home.organization.id), await organizationSnapshot(db, other.organization.id)];
  // The home organization's rows first: most well-formed requests should find what they name.
  const column = (table: string, name = "id") =>
    snapshots.flatMap((snapshot) => (snapshot[table] as Array<Record<string, unknown>>).map((row) => row[name]).filter((value): value is string => typeof value === "string"));
  const fieldStrings = {
    message_id: column("Message"),
    conversation_id: column("Conversation"),
    ids: column("Feedback"),
    item: [...column("Feedback"), ...column("GoldenExample")],
    actor: [...column("User"), ...column("User", "email"), "system"],
    user_email: column("User", "email"),
    user_id: column("User"),
    email: column("User", "email"),
    expected_updated_at: [...column("Feedback", "updatedAt"), ...column("GoldenExample", "updatedAt")],
  };
  const knownStrings = Object.values(snapshots[0]!)
    .flatMap((rows) => (rows as Array<Record<string, unknown>>).map((row) => row.id))
    .filter((value): value is string => typeof value === "string");
  // A path's `{id}` by what the path is about (the table whose rows it names), else a feedback item's.
  const pathIds = (path: string) =>
    column(
      [
        ["/golden-examples/", "GoldenExample"],
        ["/account/tokens/", "PersonalAccessToken"],
        ["/api-keys/", "ApiKey"],
        ["/members/", "Membership"],
      ].find(([prefix]) => path.includes(prefix!))?.[1] ?? "Feedback",
    );
  return { home, other, knownStrings, fieldStrings, pathIds };
}

type World = Awaited<ReturnType<typeof createWorld>>;

let fake: FakeOpenAi;
let other: AccessOrganization;
let otherBefore: OrganizationSnapshot;
beforeAll(async () => {
  other = await createOtherOrganization();
  otherBefore = await organizationSnapshot(db, other.organization.id);
  // Valid writes are part of the mix: the write limit must not turn them into 429s.
  process.env.RATE_LIMIT_WRITES_PER_MINUTE = "1000000";
  process.env.RATE_LIMIT_API_KEY_WRITES_PER_MINUTE = "1000000";
  fake = await startFakeOpenAi();
  fake.answerWith(streamedAnswer(["A short ", "answer."]));
});
afterAll(() => fake.close());

function credentialOf(endpoint: Endpoint, home: AccessOrganization): Record<string, string> {
  if (endpoint.auth === "api_key") return { authorization: `Bearer ${home.apiKey}` };
  if (endpoint.auth === "public") return {};
  return { cookie: home.cookies.admin };
}

/** Mostly the right credential; sometimes a mangled one, or a cross-site request. */
function credentialArbitrary(endpoint: Endpoint, home: AccessOrganization): fc.Arbitrary<Record<string, string>> {
  const valid = credentialOf(endpoint, home);
  const cookie = sessionCookieName();
  const junk = fc.string({ unit: "grapheme-ascii", maxLength: 60 }).map((value) => value.replace(/[\r\n\0]/g, ""));
  const mangled = fc.oneof(
    fc.constantFrom<Record<string, string>>(
      { cookie: `${cookie}=%E0%A4%A` },
      { cookie: `${cookie}=%` },
      { cookie: `${cookie}=` },
      { cookie: "=;;;==; ;" },
      { cookie: `${cookie}=${"x".repeat(10_000)}` },
      { cookie: `${home.cookies.admin.slice(0, -5)}AAAAA` },
      { cookie: `${home.cookies.admin}; ${cookie}=junk` },
      { authorization: "Bearer" },
      { authorization: "Bearer    " },
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: `Bearer ${home.apiKey} extra` },
      { authorization: `bearer ${home.apiKey}` },
      { authorization: `Bearer ${home.apiKey}x` },
      { authorization: `Bearer fk_key_` },
      { authorization: `Bearer ${"x".repeat(10_000)}` },
      { ...valid, origin: "https://evil.example" },
      { ...valid, origin: "null" },
      { ...valid, origin: "not a url" },
      { ...valid, "sec-fetch-site": "cross-site" },
      { ...valid, "content-length": "999999999" },
      { ...valid, "content-length": "-1" },
    ),
    junk.map((value) => ({ cookie: `${cookie}=${value}` })),
    junk.map((value) => ({ authorization: `Bearer ${value}` })),
  );
  return fc.oneof({ weight: 9, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: mangled });
}

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value) ?? "");

function requestArbitrary(endpoint: Endpoint, world: World): fc.Arbitrary<EndpointRequest> {
  const options = { knownStrings: world.knownStrings, fieldStrings: world.fieldStrings };
  const params = endpoint.params
    ? schemaArbitrary(endpoint.params, { ...options, fieldStrings: { ...world.fieldStrings, id: world.pathIds(endpoint.path) }, hostileWeight: 3 }).map((value) =>
        typeof value === "object" && value !== null ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, asText(entry)])) : {},
      )
    : fc.constant({});
  const body = endpoint.body
    ? schemaArbitrary(endpoint.body, options).chain((value) => {
        const json = JSON.stringify(value) ?? "null";
        return fc.oneof({ weight: 6, arbitrary: fc.constant<unknown>(json) }, { weight: 3, arbitrary: hostileBodyText(json) }, { weight: 1, arbitrary: fc.constant(undefined) });
      })
    : endpoint.method === "GET"
      ? fc.constant(undefined)
      : fc.option(fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)), { nil: undefined, freq: 5 });
  const contentType = fc.constantFrom(undefined, "application/json", "text/plain", "application/json; charset=utf-16", "multipart/form-data; boundary=x");
  const credential = credentialArbitrary(endpoint, world.home);
  return fc.record({ params, query: queryArbitrary(endpoint.query, options), body, contentType, credential }).map(({ contentType: type, credential: headers, ...request }) => ({
    ...request,
    headers: { ...(type === undefined ? {} : { "content-type": type }), ...headers },
  }));
}

describe(`fuzzing every endpoint (${getDatabaseProvider()}, seed ${SEED}, ${RUNS} runs each)`, () => {
  useFakeOpenAiResponder(() => fake);

  it.each(allEndpoints.map((endpoint) => [endpoint.id, endpoint] as const))("%s: no 5xx, and refused or read-only requests change nothing", async (_id, endpoint) => {
    const world = await createWorld(other);
    const { home } = world;
    let current = await organizationSnapshot(db, home.organization.id);
    const seed = SEED + [...endpoint.id].reduce((sum, character) => sum + character.charCodeAt(0), 0);
    await fc.assert(
      fc.asyncProperty(requestArbitrary(endpoint, world), async (request) => {
        const answer = await callEndpoint(endpoint, request);
        const [before, after] = [current, await organizationSnapshot(db, home.organization.id)];
        current = after;
        countAnswer(endpoint, answer);
        expect(answer.status, `${endpoint.id} answered ${answer.status}: ${JSON.stringify(answer.body)}`).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.body).toMatchObject({ detail: expect.any(String), code: expect.any(String) });
        if (answer.status >= 400 || endpoint.method === "GET") expect(after, `${endpoint.id} ${answer.status} changed data`).toEqual(before);
      }),
      { seed, numRuns: RUNS },
    );
  });

  // The generators follow the schemas: if a schema changes shape and the generator no longer
  // produces valid input, the fuzzer would only test validation. This says so.
  const withInput = allEndpoints.filter((endpoint) => endpoint.params || endpoint.query || endpoint.body);
  it.each(withInput.map((endpoint) => [endpoint.id, endpoint] as const))("%s: the generated well-typed input passes its schemas often enough", (_id, endpoint) => {
    const options = { knownStrings: ["x"], hostileWeight: 0 };
    const passRate = (schema: z.ZodType, toInput: (value: unknown) => unknown = (value) => value) => {
      const samples = fc.sample(schemaArbitrary(schema, options), { seed: SEED, numRuns: 200 });
      return samples.filter((value) => schema.safeParse(toInput(value)).success).length / samples.length;
    };
    const asStrings = (value: unknown) => Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, entry]) => [key, asText(entry)]));
    const rates = {
      ...(endpoint.params ? { params: passRate(endpoint.params, asStrings) } : {}),
      ...(endpoint.query ? { query: passRate(endpoint.query, asStrings) } : {}),
      ...(endpoint.body ? { body: passRate(endpoint.body) } : {}),
    };
    for (const [part, rate] of Object.entries(rates)) expect(rate, `${endpoint.id} ${part}`).toBeGreaterThan(0.05);
  });

  it("changed nothing of another organization", async () => {
    expect(await organizationSnapshot(db, other.organization.id)).toEqual(otherBefore);
  });
});
