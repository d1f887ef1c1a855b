// `npm run bench`: serves the production build on a fresh SQLite database, then on a fresh
// PostgreSQL database (next to TEST_POSTGRES_URL, or DATABASE_URL when it is PostgreSQL), and
// measures on each, in one run and side by side, the bare handler (the framework's ceiling here),
// POST /api/feedback (new votes and vote changes), the single read and the read of a 200-message
// conversation. Writes docs/benchmarks.md.
// Usage: npm run bench [-- --duration 8 --connections 50 --rounds 5 --slices 4 --databases sqlite,postgresql]
// For investigating one route: --only get-conversation (keys below; the bare handler always runs,
// and a partial run prints its numbers without rewriting the report) and --profile DIR (the server
// writes a V8 CPU profile there when it stops).
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import { resolveDatabaseConfig, type DatabaseConfig, type DatabaseProvider } from "@/prisma/database-url";
import { createSession } from "@/server/auth/session-store";
import { encodeSessionToken } from "@/server/auth/session-token";
import { createDatabase } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { percentile, runOpenLoop } from "./lib/open-loop-load";
import { deployMigrations } from "./lib/prisma-cli";
import { startProductionServer } from "./lib/production-server";
import { writeReportSection } from "./lib/report-section";
import { createScratchPostgresDatabase } from "./lib/scratch-postgres";

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) args.set(process.argv[index]!.replace(/^--/, ""), process.argv[index + 1]!);
const DURATION = Number(args.get("duration") ?? 8);
const CONNECTIONS = Number(args.get("connections") ?? 50);
const PORT = Number(args.get("port") ?? 3200);
const ROUNDS = Number(args.get("rounds") ?? 5);
/** Each row and its bare-handler ceiling alternate in this many slices of duration / slices seconds. */
const SLICES = Number(args.get("slices") ?? 4);
/** The start of each slice that is not measured (connections opening; see runLoad). */
const SLICE_WARMUP_MS = 500;
/** The latency table's offered load, as a share of the bare handler's throughput in the same run. */
const RATE_SHARE = 0.25;
const ONLY = args.get("only")?.split(",");
const PROFILE_DIR = args.get("profile");
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "feedback-kit-bench-secret";
const DATABASE_FILE = ".data/bench.db";
const WARMUP_SECONDS = 4;
const DATABASES = (args.get("databases") ?? "sqlite,postgresql").split(",") as DatabaseProvider[];
/** Ratio targets per database (issue #12): the share of the bare handler's throughput each row must reach. */
const TARGETS: Record<DatabaseProvider, { post: number; read: number }> = {
  sqlite: { post: 0.45, read: 0.65 },
  postgresql: { post: 0.35, read: 0.5 },
};
const P99_TARGET_MS = 25;
/**
 * Each new vote needs an unrated message: enough for the warm-up, every round and the fixed-rate
 * run at 2,500 req/s (faster than even the bare handler runs here). A vote on a rated message is
 * another row's work, so running out fails the bench.
 */
const NEW_VOTE_MESSAGES = Math.ceil(2_500 * (WARMUP_SECONDS + DURATION * (ROUNDS + 1)));
const CHANGE_MESSAGES = 2_000;

interface BenchDatabase {
  provider: DatabaseProvider;
  config: DatabaseConfig;
  drop: () => Promise<void>;
}

/** A new, empty, migrated database for one run. */
async function freshDatabase(provider: DatabaseProvider): Promise<BenchDatabase> {
  if (provider === "postgresql") {
    const baseUrl = process.env.TEST_POSTGRES_URL ?? (process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined);
    if (!baseUrl) throw new Error("The PostgreSQL bench needs TEST_POSTGRES_URL (or a PostgreSQL DATABASE_URL); or pass --databases sqlite");
    const scratch = await createScratchPostgresDatabase(baseUrl, "fk_bench");
    deployMigrations(scratch.url, { quiet: true });
    return { provider, config: resolveDatabaseConfig(scratch.url), drop: scratch.drop };
  }
  mkdirSync(".data", { recursive: true });
  const removeFiles = () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
  };
  removeFiles();
  const config = resolveDatabaseConfig(`file:./${DATABASE_FILE}`);
  deployMigrations(config.url, { quiet: true });
  return { provider, config, drop: async () => removeFiles() };
}

async function seedDatabase(config: DatabaseConfig) {
  const db = createDatabase(config);
  const now = isoNow();
  const organizationId = newId();
  const userId = newId();
  await db.insertInto("Organization").values({ id: organizationId, slug: "bench", name: "Bench", createdAt: now, updatedAt: now }).execute();
  await db.insertInto("User").values({ id: userId, email: "bench@bench.test", name: "Bench", createdAt: now, updatedAt: now }).execute();
  await db.insertInto("Membership").values({ id: newId(), organizationId, userId, role: "member", createdAt: now }).execute();
  await db
    .insertInto("FeedbackSettings")
    .values({ organizationId, reasonOptions: JSON.stringify({ positive: [], negative: [] }), allowedOrigins: "[]", updatedAt: now })
    .execute();

  const makeConversation = async (assistantMessages: number) => {
    const id = newId();
    await db.insertInto("Conversation").values({ id, organizationId, userId, createdAt: now, updatedAt: now }).execute();
    const rows = Array.from({ length: assistantMessages * 2 }, (_, position) => ({
      id: `${id}-${position}`,
      organizationId,
      conversationId: id,
      role: position % 2 === 0 ? ("user" as const) : ("assistant" as const),
      content: position % 2 === 0 ? `Question ${position}` : `Answer ${position}`,
      position,
      createdAt: now,
    }));
    for (let start = 0; start < rows.length; start += 2_000) await db.insertInto("Message").values(rows.slice(start, start + 2_000)).execute();
    return { id, assistantIds: rows.filter((row) => row.role === "assistant").map((row) => row.id) };
  };
  const fresh = await makeConversation(NEW_VOTE_MESSAGES);
  const changing = await makeConversation(CHANGE_MESSAGES);
  const batch = await makeConversation(100); // 200 messages
  const sparse = await makeConversation(100);

  // Existing votes: every "changing" message, every answer of the batch conversation, and a tenth of the sparse one.
  const voteOn = async (conversation: { id: string; assistantIds: string[] }) => {
    const votes = conversation.assistantIds.map((messageId, index) => ({
      id: newId(),
      organizationId,
      messageId,
      conversationId: conversation.id,
      userId,
      feedbackType: index % 2 === 0 ? ("positive" as const) : ("negative" as const),
      reasonKeys: "[]",
      status: "pending" as const,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    }));
    for (let start = 0; start < votes.length; start += 2_000) await db.insertInto("Feedback").values(votes.slice(start, start + 2_000)).execute();
  };
  await voteOn(changing);
  await voteOn(batch);
  await voteOn({ id: sparse.id, assistantIds: sparse.assistantIds.filter((_, index) => index % 10 === 0) });
  const jti = await createSession(db, { userId, organizationId, maxAgeSeconds: 3600 });
  await db.destroy();

  const cookie = `next-auth.session-token=${await encodeSessionToken({ sub: userId, email: "bench@bench.test", name: "Bench", org: organizationId, role: "member", jti }, SECRET, 3600)}`;
  return { cookie, fresh, changing, batch, sparse };
}

interface Scenario {
  key: string;
  name: string;
  /** The issue's target, as a share of the bare handler's throughput. */
  target?: number;
  options: autocannon.Options;
}

interface Measurement {
  scenario: Scenario;
  /** The bare handler, measured in slices interleaved with this row's: the row's ceiling. */
  ceiling: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The slowest answer in the unmeasured start of the row's slices, milliseconds. */
  slowestAtStart: number;
  /** Each bare-handler slice's throughput, in run order: how much the ceiling itself drifts. */
  bareSliceRates: number[];
  backlog: Backlog;
}

interface LoadResult {
  requests: number;
  seconds: number;
  /** Every steady-state response's latency, milliseconds. */
  latencies: number[];
  slowestAtStart: number;
  non2xx: number;
  errors: number;
}

/**
 * One autocannon run, keeping every response time (its summary percentiles cannot be merged) but
 * only from the steady state: when 50 connections open at once, the server serves some of them
 * only after several rounds of the others (the report gives the slowest such answer), a start-up
 * effect that short slices would otherwise count again and again.
 */
function runLoad(options: autocannon.Options): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const latencies: number[] = [];
    let slowestAtStart = 0;
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else {
        const seconds = (performance.now() - started - SLICE_WARMUP_MS) / 1000;
        resolve({ requests: latencies.length, seconds, latencies, slowestAtStart, non2xx: result.non2xx, errors: result.errors + result.timeouts });
      }
    });
    instance.on("response", (_client, _statusCode, _bytes, responseTime) => {
      if (performance.now() - started >= SLICE_WARMUP_MS) latencies.push(responseTime);
      else slowestAtStart = Math.max(slowestAtStart, responseTime);
    });
  });
}

function combine(results: LoadResult[]) {
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const requests = results.reduce((sum, result) => sum + result.requests, 0);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  return {
    requestsPerSecond: requests / seconds,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    slowestAtStart: Math.round(Math.max(...results.map((result) => result.slowestAtStart))),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
  };
}

async function measure(scenario: Scenario, bare: Scenario, config: DatabaseConfig): Promise<Measurement> {
  // Throughput drifts here, the bare handler's own from one slice to the next (the report says how
  // much). The row and its ceiling therefore alternate in short slices, so drift reaches both alike.
  const bareSlices: LoadResult[] = [];
  const rowSlices: LoadResult[] = [];
  for (let slice = 0; slice < SLICES; slice++) {
    bareSlices.push(await runLoad({ connections: CONNECTIONS, duration: DURATION / SLICES, ...bare.options }));
    rowSlices.push(await runLoad({ connections: CONNECTIONS, duration: DURATION / SLICES, ...scenario.options }));
  }
  // Let the worker finish what this scenario queued, so the next row is not measured against it.
  const backlog = await drainBacklog(config);
  const bareSliceRates = bareSlices.map((slice) => slice.requests / slice.seconds);
  return { scenario, ceiling: combine(bareSlices).requestsPerSecond, ...combine(rowSlices), bareSliceRates, backlog };
}

async function assertPortFree() {
  const answered = await fetch(`${BASE}/api/health`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`Something already listens on port ${PORT}: stop it or pass --port`);
}

interface DatabaseRun {
  provider: DatabaseProvider;
  /** Per scenario, its measurement in every round. */
  rounds: Measurement[][];
  latencies: LatencyAtRate[];
  /** The fixed offered load of the latency table, req/s. */
  rate: number;
}

async function benchDatabase(database: BenchDatabase): Promise<DatabaseRun> {
  const { cookie, fresh, changing, batch, sparse } = await seedDatabase(database.config);
  const headers = { cookie, "content-type": "application/json" };
  const targets = TARGETS[database.provider];
  let nextFresh = 0;
  let nextChange = 0;
  /** A POST /api/feedback scenario; nextVote gives each request's body. */
  const postVotes = (key: string, name: string, nextVote: () => object): Scenario => ({
    key,
    name,
    target: targets.post,
    options: {
      url: `${BASE}/api/feedback`,
      method: "POST",
      headers,
      requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(nextVote()) }) }],
    },
  });
  const allScenarios: Scenario[] = [
    { key: "bare", name: "bare handler `GET /api/health` (ceiling)", options: { url: `${BASE}/api/health` } },
    postVotes("post-new", "`POST /api/feedback`, new votes", () => ({
      message_id: fresh.assistantIds[nextFresh++],
      feedback_type: "positive",
    })),
    postVotes("post-change", "`POST /api/feedback`, vote changes", () => {
      const index = nextChange++;
      const round = Math.floor(index / changing.assistantIds.length);
      // Each visit to a message flips its vote (they start alternating positive/negative).
      const position = index % changing.assistantIds.length;
      return { message_id: changing.assistantIds[position], feedback_type: (position + round + 1) % 2 === 0 ? "positive" : "negative" };
    }),
    {
      key: "get-single",
      name: "`GET /api/feedback/message/{id}`",
      target: targets.read,
      options: { url: `${BASE}/api/feedback/message/${batch.assistantIds[7]}`, headers },
    },
    {
      key: "get-conversation",
      name: "`GET /api/feedback?conversation_id=`, 200 messages, every answer rated (100 votes)",
      target: targets.read,
      options: { url: `${BASE}/api/feedback?conversation_id=${batch.id}`, headers },
    },
    {
      key: "get-conversation-sparse",
      name: "`GET /api/feedback?conversation_id=`, 200 messages, 10 votes",
      target: targets.read,
      options: { url: `${BASE}/api/feedback?conversation_id=${sparse.id}`, headers },
    },
  ];
  const scenarios = allScenarios.filter((scenario) => !ONLY || scenario.key === "bare" || ONLY.includes(scenario.key));

  const server = await startProductionServer({
    port: PORT,
    databaseUrl: database.config.url,
    secret: SECRET,
    nodeArgs: PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    // One user sends every vote: far above the per-user write limit, by design.
    env: { RATE_LIMIT_WRITES_PER_MINUTE: "1000000000" },
  });
  try {
    // Warm up every route (route modules, prepared statements, JIT) before measuring: the first
    // seconds of a cold route run at half speed.
    for (const scenario of scenarios) await autocannon({ ...scenario.options, connections: CONNECTIONS, duration: WARMUP_SECONDS });
    await drainBacklog(database.config);
    // Several rounds, reported by their median ratio: single 8-second runs here swing by ±20 points.
    const rounds: Measurement[][] = scenarios.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [index, scenario] of scenarios.entries()) {
        const measurement = await measure(scenario, scenarios[0]!, database.config);
        console.log(
          `[${database.provider} round ${round}] ${scenario.name}: ${measurement.requestsPerSecond.toFixed(0)} req/s (bare ${measurement.ceiling.toFixed(0)}), ` +
            `p50 ${measurement.p50} ms, p99 ${measurement.p99} ms, non-2xx ${measurement.non2xx}, ` +
            `jobs left ${measurement.backlog.jobs} (drained in ${measurement.backlog.drainSeconds.toFixed(1)} s)`,
        );
        rounds[index]!.push(measurement);
      }
    }
    // A quarter of what the bare handler served in this run: below every route's saturation point
    // on any machine, as a service runs in production.
    const bareRates = rounds[0]!.map((measurement) => measurement.ceiling).sort((a, b) => a - b);
    const rate = Math.round(RATE_SHARE * bareRates[Math.floor(bareRates.length / 2)]!);
    const latencies: LatencyAtRate[] = [];
    for (const scenario of scenarios) {
      const latency = await measureAtRate(scenario, rate, database.config);
      console.log(`[${database.provider}, ${rate} req/s offered] ${scenario.name}: ${latency.requestsPerSecond.toFixed(0)} req/s, p50 ${latency.p50} ms, p99 ${latency.p99} ms`);
      latencies.push(latency);
    }
    if (nextFresh > fresh.assistantIds.length) {
      throw new Error(`The new-votes row ran out of unrated messages (${nextFresh} votes, ${fresh.assistantIds.length} messages)`);
    }
    return { provider: database.provider, rounds, latencies, rate };
  } finally {
    await server.stop();
  }
}

async function main() {
  await assertPortFree();
  const runs: DatabaseRun[] = [];
  for (const provider of DATABASES) {
    const database = await freshDatabase(provider);
    try {
      runs.push(await benchDatabase(database));
    } finally {
      await database.drop();
    }
  }
  if (!ONLY) writeReport(runs);
}

interface Backlog {
  jobs: number;
  drainSeconds: number;
}

/** Waits for the app's worker to finish the golden-example jobs the load queued. */
async function drainBacklog(config: DatabaseConfig): Promise<Backlog> {
  const db = createDatabase(config);
  const started = Date.now();
  const open = async () =>
    Number((await db.selectFrom("Job").select((eb) => eb.fn.countAll().as("count")).where("status", "in", ["pending", "running"]).executeTakeFirstOrThrow()).count);
  try {
    const jobs = await open();
    while ((await open()) > 0 && Date.now() - started < 300_000) await new Promise((resolve) => setTimeout(resolve, 250));
    const drainSeconds = (Date.now() - started) / 1000;
    const remaining = await open();
    if (remaining > 0) throw new Error(`${remaining} jobs still open after 300 s`);
    return { jobs, drainSeconds };
  } finally {
    await db.destroy();
  }
}

interface LatencyAtRate {
  scenario: Scenario;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * Latency under a fixed offered load (an open loop, as independent clients arrive) rather than at
 * saturation, where every connection always waits behind the other 49 (see the report).
 */
async function measureAtRate(scenario: Scenario, rate: number, config: DatabaseConfig): Promise<LatencyAtRate> {
  const { url, method, headers, requests } = scenario.options;
  const setupRequest = requests?.[0]?.setupRequest;
  const result = await runOpenLoop({
    url: String(url),
    method,
    headers: headers as Record<string, string> | undefined,
    body: typeof setupRequest === "function" ? () => String(setupRequest({}, {}).body) : undefined,
    rate,
    durationSeconds: DURATION,
    connections: CONNECTIONS,
  });
  await drainBacklog(config);
  return { scenario, ...result };
}

const ratioOf = (measurement: Measurement) => measurement.requestsPerSecond / measurement.ceiling;
const percent = (ratio: number) => `${(100 * ratio).toFixed(1)}%`;

/** The round with the median ratio (rounds sorted by ratio). */
function medianRound(measurements: Measurement[]): Measurement {
  const sorted = [...measurements].sort((a, b) => ratioOf(a) - ratioOf(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const DATABASE_LABEL: Record<DatabaseProvider, string> = { sqlite: "SQLite (embedded, WAL)", postgresql: "PostgreSQL (local server, loopback)" };

/** One line per target, met or not, from this run's numbers. */
function verdicts(run: DatabaseRun): string {
  const results = run.rounds.map(medianRound);
  const lines = results.flatMap((result) => {
    const { scenario } = result;
    if (scenario.target === undefined) return [];
    const ratio = ratioOf(result);
    const met = ratio >= scenario.target ? "met" : "**not met**";
    return [`- ${scenario.name}: median ${percent(ratio)} of the bare handler (target ${percent(scenario.target)}): ${met}.`];
  });
  const slow = run.latencies.filter((row) => row.scenario.key !== "bare" && row.p99 >= P99_TARGET_MS);
  const bare = run.latencies.find((row) => row.scenario.key === "bare");
  lines.push(
    `- p99 under ${P99_TARGET_MS} ms for every row at ${run.rate} req/s offered (a quarter of the bare handler's median throughput): ` +
      (slow.length === 0 ? "met by every row" : `**not met** by ${slow.map((row) => `${row.scenario.name} (${row.p99} ms)`).join("; ")}`) +
      (bare ? `; the bare handler's own p99 at that load was ${bare.p99} ms.` : "."),
  );
  return lines.join("\n");
}

function databaseSection(run: DatabaseRun): string {
  const results = run.rounds.map(medianRound);
  const rows = results.map((result, index) => {
    const allRatios = run.rounds[index]!.map((measurement) => percent(ratioOf(measurement))).join(", ");
    return `| ${result.scenario.name} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.ceiling.toFixed(0)} | ${percent(ratioOf(result))} | ${allRatios} | ${result.non2xx + result.errors} | ${result.backlog.jobs} / ${result.backlog.drainSeconds.toFixed(1)} s |`;
  });
  const latencyRows = run.latencies.map(
    (latency) => `| ${latency.scenario.name} | ${latency.requestsPerSecond.toFixed(0)} | ${latency.p50} | ${latency.p99} | ${latency.non2xx + latency.errors} |`,
  );
  // Run order: each round measures every scenario in turn.
  const bareRates = run.rounds[0]!.flatMap((_, round) => run.rounds.flatMap((measurements) => measurements[round]!.bareSliceRates));
  const largestStep = Math.max(...bareRates.slice(1).map((rate, index) => Math.abs(rate - bareRates[index]!) / bareRates[index]!));
  return `### ${DATABASE_LABEL[run.provider]}

#### Throughput at saturation

The bare handler's own ${bareRates.length} slices in this run ranged over ${Math.min(...bareRates).toFixed(0)}–${Math.max(...bareRates).toFixed(0)} req/s,
up to ${percent(largestStep)} from one to the next; the slowest answer while a slice's connections opened took
${Math.max(...run.rounds.flat().map((measurement) => measurement.slowestAtStart))} ms.

| scenario (median round) | req/s | p50 ms | p99 ms | bare handler, interleaved, req/s | ratio | ratio in each round | non-2xx / errors | jobs queued at the end / drained in |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}

#### Latency at ${run.rate} req/s offered

| scenario | req/s | p50 ms | p99 ms | non-2xx / errors |
| --- | ---: | ---: | ---: | ---: |
${latencyRows.join("\n")}

#### Targets

${verdicts(run)}
`;
}

function writeReport(runs: DatabaseRun[]) {
  const report = `## The feedback API's throughput and latency (issue #12)

Produced by \`npm run bench -- --duration ${DURATION} --connections ${CONNECTIONS} --rounds ${ROUNDS} --slices ${SLICES} --databases ${DATABASES.join(",")}\` on ${new Date().toISOString().slice(0, 10)}
(${os.cpus().length} cores, Node ${process.version}, production build via \`next start\`, autocannon on the same machine with
${CONNECTIONS} connections for ${DURATION} s per row and round; each database is new, migrated and seeded for the run).

How to read it:

- **Throughput at saturation.** Every connection sends its next request as soon as the previous one is answered.
  Absolute numbers drift during a run, so every row alternates with the bare handler (\`GET /api/health\`, a
  constant JSON body: the framework's ceiling on this machine) in ${SLICES} slices of ${DURATION / SLICES} s, the ratio is to the bare
  handler's throughput over its own slices, and every scenario runs in ${ROUNDS} rounds: the tables show the round with the
  median ratio. Throughput, p50 and p99 count every response of the row's slices except each slice's first
  ${SLICE_WARMUP_MS} ms, while its ${CONNECTIONS} connections open.
- **Latency at a fixed load.** Requests are offered on a fixed schedule by an open-loop client
  (\`scripts/lib/open-loop-load.ts\`; each latency counts from when its request was due) at a quarter of the bare
  handler's median throughput in the same run, below every route's saturation point, so latency is the time a request
  takes rather than the time it queues behind the other ${CONNECTIONS - 1}.
- The app's job worker runs in the same process throughout. It yields while requests keep the event loop busy, so
  golden-example jobs queue up under the POST load; the last column shows how many were still open when a row's load
  stopped and how long the worker then took to finish them (the next row starts after that).
- Targets (issue #12, ratio of the median round): SQLite — POST ≥ 45%, single and conversation reads ≥ 65%;
  PostgreSQL — POST ≥ 35%, reads ≥ 50%; on both, p99 < ${P99_TARGET_MS} ms for every row at the fixed load.

${runs.map(databaseSection).join("\n")}`;
  writeReportSection("api", report);
}

await main();
