// `npm run bench:admin`: the review app's queries at scale (issue #10). Seeds 1,000,000 feedback rows
// (realistic spread of types, statuses, dates and text) into a fresh SQLite database and a fresh
// PostgreSQL database (next to TEST_POSTGRES_URL), times each query in the server's own process
// (median of several runs, after a warm-up) with its query plan, then streams an export of
// 100,000 golden examples from the production server and samples that server's memory.
// Writes its section of docs/benchmarks.md. Usage: npm run bench:admin [-- --rows 1000000 --databases sqlite,postgresql]
// `--keep true` leaves the seeded databases in place (their URLs are printed) to study plans in them.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { sql, type CompiledQuery, type Insertable } from "kysely";
import type { FeedbackQueueQuery } from "@/lib/api/admin-schemas";
import { resolveDatabaseConfig, type DatabaseConfig, type DatabaseProvider } from "@/prisma/database-url";
import { listReviewQueue } from "@/server/admin/review-service";
import { getDailyStats, getFeedbackStats } from "@/server/admin/stats-service";
import type { UserActor } from "@/server/auth/actor";
import { createSession } from "@/server/auth/session-store";
import { encodeSessionToken } from "@/server/auth/session-token";
import { createDatabase, dialectOf, type Db } from "@/server/db/database";
import type { DB } from "@/server/db/generated/database";
import { newId } from "@/server/db/ids";
import { deployMigrations } from "./lib/prisma-cli";
import { startProductionServer } from "./lib/production-server";
import { writeReportSection } from "./lib/report-section";
import { createScratchPostgresDatabase } from "./lib/scratch-postgres";

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) args.set(process.argv[index]!.replace(/^--/, ""), process.argv[index + 1]!);
const ROWS = Number(args.get("rows") ?? 1_000_000);
const EXPORT_EXAMPLES = Number(args.get("export") ?? 100_000);
const DATABASES = (args.get("databases") ?? "sqlite,postgresql").split(",") as DatabaseProvider[];
const KEEP = args.get("keep") === "true";
const RUNS = 7;
const PORT = 3290;
const SECRET = "feedback-kit-bench-secret";
const SQLITE_FILE = ".data/bench-admin.db";
const BATCH = 1000;
const DAY_MS = 24 * 60 * 60_000;
/** Turns per conversation: each answer gets one vote, by the conversation's owner. */
const TURNS = 10;

const TARGETS_MS = { page: 100, filter: 100, search: 300, stats: 200, daily: 200 } as const;

// ---------------------------------------------------------------------------------------------- seed

/** A small deterministic generator, so both databases get the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ["invoice", "refund", "password", "export", "sso", "pricing", "webhook", "seat", "api key", "backup", "audit", "mobile app", "calendar", "integration", "quota"];
const VERBS = ["change", "cancel", "find", "download", "reset", "enable", "connect", "delete", "share", "schedule"];
const FILLER = ["in the settings", "for my team", "on the free plan", "after the update", "from the dashboard", "every month", "without an admin", "for a customer"];
const REASONS = ["That is outdated", "Wrong plan mentioned", "Too vague", "Missing the steps", "Clear and correct", "Very helpful", "Not what I asked", "Links are broken"];

/** One in a hundred answers mentions the rare term the search times. */
const RARE_TERM = "quarantine";

function texts(next: () => number, index: number) {
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const topic = pick(TOPICS);
  const question = `How do I ${pick(VERBS)} the ${topic} ${pick(FILLER)}?`;
  const sentences = Array.from({ length: 3 + Math.floor(next() * 4) }, () => `To ${pick(VERBS)} the ${pick(TOPICS)} ${pick(FILLER)}, open the page and follow the steps.`);
  if (index % 100 === 0) sentences.push(`Files that fail the scan go to ${RARE_TERM} for 30 days.`);
  return { question, answer: sentences.join(" ") };
}

interface Distribution {
  type: "positive" | "negative";
  status: "pending" | "auto_approved" | "reviewed" | "dismissed";
}

/** 60% positive (mostly auto-approved), 40% negative (mostly waiting for review). */
function distribution(next: () => number): Distribution {
  const roll = next();
  if (next() < 0.6) return { type: "positive", status: roll < 0.7 ? "auto_approved" : roll < 0.8 ? "reviewed" : roll < 0.85 ? "dismissed" : "pending" };
  return { type: "negative", status: roll < 0.6 ? "pending" : roll < 0.85 ? "reviewed" : "dismissed" };
}

async function insertBatches<T extends keyof DB>(db: Db, table: T, rows: Array<Insertable<DB[T]>>) {
  for (let start = 0; start < rows.length; start += BATCH) {
    // The rows are built to the table's shape below; Kysely's insert types are per table.
    await db.insertInto(table).values(rows.slice(start, start + BATCH) as never).execute();
  }
}

interface Seeded {
  organizationId: string;
  reviewer: { id: string; email: string };
  exportOrganizationId: string;
  exportReviewer: { id: string; email: string };
  /** The export reviewer's session row (its id is the cookie's jti). */
  exportSessionId: string;
}

async function seed(db: Db): Promise<Seeded> {
  const next = random(42);
  const now = Date.now();
  const iso = (time: number) => new Date(time).toISOString();
  const stamp = iso(now);
  const org = async (slug: string) => {
    const id = newId();
    await db.insertInto("Organization").values({ id, slug, name: slug, createdAt: stamp, updatedAt: stamp }).execute();
    await db.insertInto("FeedbackSettings").values({ organizationId: id, reasonOptions: JSON.stringify({ positive: [], negative: [] }), allowedOrigins: "[]", updatedAt: stamp }).execute();
    return id;
  };
  const user = async (organizationId: string, email: string, role: "member" | "reviewer") => {
    const id = newId();
    await db.insertInto("User").values({ id, email, name: email, createdAt: stamp, updatedAt: stamp }).execute();
    await db.insertInto("Membership").values({ id: newId(), organizationId, userId: id, role, createdAt: stamp }).execute();
    return { id, email };
  };
  const organizationId = await org("bench-admin");
  const reviewer = await user(organizationId, "reviewer@bench.test", "reviewer");
  const members = [];
  for (let index = 0; index < 200; index++) members.push(await user(organizationId, `member${index}@bench.test`, "member"));

  const conversations = Math.ceil(ROWS / TURNS);
  let voted = 0;
  const started = Date.now();
  // Chunks of conversations, each chunk's rows inserted together, so memory stays bounded.
  for (let first = 0; first < conversations; first += 500) {
    const conversationRows: Array<Insertable<DB["Conversation"]>> = [];
    const messageRows: Array<Insertable<DB["Message"]>> = [];
    const feedbackRows: Array<Insertable<DB["Feedback"]>> = [];
    const exampleRows: Array<Insertable<DB["GoldenExample"]>> = [];
    for (let c = first; c < Math.min(conversations, first + 500); c++) {
      const owner = members[c % members.length]!;
      const conversationId = newId();
      const startedAt = now - Math.floor(next() * 365 * DAY_MS);
      conversationRows.push({ id: conversationId, organizationId, userId: owner.id, title: `Chat ${c}`, createdAt: iso(startedAt), updatedAt: iso(startedAt) });
      const context: Array<{ role: string; content: string }> = [];
      for (let turn = 0; turn < TURNS && voted < ROWS; turn++) {
        const { question, answer } = texts(next, voted);
        const at = startedAt + turn * 60_000;
        const questionId = newId();
        const answerId = newId();
        messageRows.push({ id: questionId, organizationId, conversationId, role: "user", content: question, position: turn * 2, createdAt: iso(at) });
        messageRows.push({ id: answerId, organizationId, conversationId, role: "assistant", content: answer, position: turn * 2 + 1, replyToId: questionId, createdAt: iso(at + 1000) });
        context.push({ role: "user", content: question });
        const { type, status } = distribution(next);
        const feedbackId = newId();
        const votedAt = iso(at + 5000);
        const reviewed = status === "reviewed" || status === "dismissed";
        feedbackRows.push({
          id: feedbackId,
          organizationId,
          messageId: answerId,
          conversationId,
          userId: owner.id,
          feedbackType: type,
          reason: next() < 0.4 ? REASONS[Math.floor(next() * REASONS.length)]! : null,
          reasonKeys: "[]",
          status,
          revision: 1,
          reviewedById: reviewed ? reviewer.id : null,
          reviewedAt: reviewed ? votedAt : null,
          dismissalReason: status === "dismissed" ? "Not useful" : null,
          createdAt: votedAt,
          updatedAt: votedAt,
        });
        if ((type === "positive" && (status === "auto_approved" || status === "reviewed")) || (type === "negative" && status === "reviewed")) {
          exampleRows.push({
            id: newId(),
            organizationId,
            feedbackId,
            sourceType: "feedback",
            approvalType: status === "auto_approved" ? "auto" : "manual",
            originalQuery: question,
            originalResponse: answer,
            goldenResponse: type === "negative" ? `${answer} (corrected)` : answer,
            context: JSON.stringify(context.slice(-6)),
            createdById: status === "auto_approved" ? null : reviewer.id,
            isActive: true,
            createdAt: votedAt,
            updatedAt: votedAt,
          });
        }
        context.push({ role: "assistant", content: answer });
        voted++;
      }
    }
    await db.transaction().execute(async (tx) => {
      await insertBatches(tx, "Conversation", conversationRows);
      await insertBatches(tx, "Message", messageRows);
      await insertBatches(tx, "Feedback", feedbackRows);
      await insertBatches(tx, "GoldenExample", exampleRows);
    });
    if ((first / 500) % 20 === 0) console.log(`  ${voted.toLocaleString("en")} votes seeded (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }

  // A second organization whose golden examples are exactly the export's.
  const exportOrganizationId = await org("bench-export");
  const exportReviewer = await user(exportOrganizationId, "exporter@bench.test", "reviewer");
  for (let first = 0; first < EXPORT_EXAMPLES; first += 5000) {
    const rows = Array.from({ length: Math.min(5000, EXPORT_EXAMPLES - first) }, (_, offset) => {
      const { question, answer } = texts(next, first + offset);
      const at = iso(now - Math.floor(next() * 365 * DAY_MS));
      return {
        id: newId(),
        organizationId: exportOrganizationId,
        feedbackId: null,
        sourceType: "manual",
        approvalType: "manual" as const,
        originalQuery: question,
        originalResponse: answer,
        goldenResponse: answer,
        context: JSON.stringify([{ role: "system", content: "You are the support assistant." }, { role: "user", content: question }]),
        createdById: exportReviewer.id,
        isActive: true,
        createdAt: at,
        updatedAt: at,
      };
    });
    await db.transaction().execute((tx) => insertBatches(tx, "GoldenExample", rows));
  }
  // Fresh statistics for both planners and (on PostgreSQL) a visibility map for index-only counts,
  // as autovacuum gives a database in use.
  await (dialectOf(db) === "postgresql" ? sql`VACUUM ANALYZE` : sql`ANALYZE`).execute(db);
  const exportSessionId = await createSession(db, { userId: exportReviewer.id, organizationId: exportOrganizationId, maxAgeSeconds: 3600 });
  return { organizationId, reviewer, exportOrganizationId, exportReviewer, exportSessionId };
}

// ------------------------------------------------------------------------------------------- measure

interface Timing {
  name: string;
  target: number;
  medianMs: number;
  plans: string[];
}

async function explain(db: Db, query: CompiledQuery): Promise<string> {
  if (dialectOf(db) === "postgresql") {
    const result = await db.executeQuery<{ "QUERY PLAN": string }>({ ...query, sql: `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${query.sql}` } as CompiledQuery<{ "QUERY PLAN": string }>);
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  }
  const result = await db.executeQuery<{ detail: string; id: number; parent: number }>({ ...query, sql: `EXPLAIN QUERY PLAN ${query.sql}` } as CompiledQuery<{ detail: string; id: number; parent: number }>);
  const depth = new Map<number, number>([[0, -1]]);
  return result.rows
    .map((row) => {
      const level = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, level);
      return `${"  ".repeat(level)}${row.detail}`;
    })
    .join("\n");
}

async function time(config: DatabaseConfig, name: string, target: number, run: (db: Db) => Promise<unknown>): Promise<Timing> {
  const captured: CompiledQuery[] = [];
  const logged = createDatabase(config, { log: (event) => void (event.level === "query" && captured.push(event.query)) });
  const db = createDatabase(config);
  try {
    await run(db);
    const samples: number[] = [];
    for (let index = 0; index < RUNS; index++) {
      const started = performance.now();
      await run(db);
      samples.push(performance.now() - started);
    }
    await run(logged);
    const plans = [];
    for (const query of captured) plans.push(await explain(db, query));
    samples.sort((a, b) => a - b);
    return { name, target, medianMs: samples[Math.floor(samples.length / 2)]!, plans };
  } finally {
    await logged.destroy();
    await db.destroy();
  }
}

async function measureQueries(config: DatabaseConfig, seeded: Seeded): Promise<Timing[]> {
  const actor: UserActor = { kind: "user", userId: seeded.reviewer.id, organizationId: seeded.organizationId, role: "reviewer", email: seeded.reviewer.email, name: null, credential: { kind: "session" } };
  const queue = (query: Partial<FeedbackQueueQuery>) => (db: Db) => listReviewQueue({ db, actor }, { limit: 20, offset: 0, ...query });
  const weekAgo = new Date(Date.now() - 7 * DAY_MS).toISOString().slice(0, 10);
  const ninetyDaysAgo = new Date(Date.now() - 89 * DAY_MS).toISOString().slice(0, 10);
  const timings: Timing[] = [];
  const cases: Array<[string, number, (db: Db) => Promise<unknown>]> = [
    ["queue, first page, no filter", TARGETS_MS.page, queue({})],
    ["queue, status=pending", TARGETS_MS.filter, queue({ status: "pending" })],
    ["queue, type=negative", TARGETS_MS.filter, queue({ type: "negative" })],
    ["queue, status=dismissed (a rare status)", TARGETS_MS.filter, queue({ status: "dismissed" })],
    [`queue, from=${weekAgo} (the last 7 days)`, TARGETS_MS.filter, queue({ from: weekAgo })],
    ["queue, status=pending&type=negative", TARGETS_MS.filter, queue({ status: "pending", type: "negative" })],
    ["queue, page 50 (offset 980)", TARGETS_MS.filter, queue({ offset: 980 })],
    [`queue, search="${RARE_TERM}" (in 1% of answers)`, TARGETS_MS.search, queue({ search: RARE_TERM })],
    ['queue, search="xylophone" (in none)', TARGETS_MS.search, queue({ search: "xylophone" })],
    ['queue, search="outdated" (a reason)', TARGETS_MS.search, queue({ search: "outdated" })],
    ["stats (the eight counters)", TARGETS_MS.stats, (db) => getFeedbackStats({ db, actor })],
    ["daily series, 90 days", TARGETS_MS.daily, (db) => getDailyStats({ db, actor }, { from: ninetyDaysAgo })],
  ];
  for (const [name, target, run] of cases) {
    const timing = await time(config, name, target, run);
    console.log(`  ${name}: ${timing.medianMs.toFixed(1)} ms (target ${target} ms)`);
    timings.push(timing);
  }
  return timings;
}

interface ExportRun {
  examples: number;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function measureExport(config: DatabaseConfig, seeded: Seeded): Promise<ExportRun> {
  const server = await startProductionServer({ port: PORT, databaseUrl: config.url, secret: SECRET, env: { JOB_WORKER: "off" } });
  const pid = server.process.pid!;
  try {
    const base = server.baseUrl;
    const cookie = `next-auth.session-token=${await encodeSessionToken(
      { sub: seeded.exportReviewer.id, email: seeded.exportReviewer.email, org: seeded.exportOrganizationId, role: "reviewer", jti: seeded.exportSessionId },
      SECRET,
      3600,
    )}`;
    const url = `${base}/api/feedback/golden-examples/export?format=jsonl`;
    // A small warm-up export compiles the route, so the sample starts from a warm server.
    await (await fetch(`${url}&source_type=feedback`, { headers: { cookie } })).text();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssBeforeMb = rssMb(pid);
    let rssPeakMb = rssBeforeMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(pid))), 50);
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    let bytes = 0;
    let lines = 0;
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      bytes += read.value.byteLength;
      for (const byte of read.value) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (response.status !== 200 || lines !== EXPORT_EXAMPLES) throw new Error(`export answered ${response.status} with ${lines} lines, expected ${EXPORT_EXAMPLES}`);
    return { examples: lines, bytes, seconds, rssBeforeMb, rssPeakMb };
  } finally {
    await server.stop();
  }
}

// -------------------------------------------------------------------------------------------- report

interface DatabaseResult {
  provider: DatabaseProvider;
  seedSeconds: number;
  timings: Timing[];
  exported: ExportRun;
}

const LABEL: Record<DatabaseProvider, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

function section(results: DatabaseResult[]): string {
  const rows = results[0]!.timings.map((timing, index) => {
    const cells = results.map((result) => {
      const ms = result.timings[index]!.medianMs;
      return `${ms.toFixed(1)}${ms < timing.target ? "" : " **(over)**"}`;
    });
    return `| ${timing.name} | ${cells.join(" | ")} | < ${timing.target} |`;
  });
  const exports = results.map(
    (result) =>
      `| ${LABEL[result.provider]} | ${result.exported.examples.toLocaleString("en")} | ${(result.exported.bytes / 1024 / 1024).toFixed(0)} MB | ${result.exported.seconds.toFixed(1)} s | ${result.exported.rssBeforeMb.toFixed(0)} MB | ${result.exported.rssPeakMb.toFixed(0)} MB | **${(result.exported.rssPeakMb - result.exported.rssBeforeMb).toFixed(0)} MB** |`,
  );
  const plans = results
    .map(
      (result) =>
        `### Query plans, ${LABEL[result.provider]}\n\n` +
        result.timings.map((timing) => `<details><summary>${timing.name}</summary>\n\n\`\`\`\n${timing.plans.join("\n\n")}\n\`\`\`\n\n</details>`).join("\n"),
    )
    .join("\n\n");
  return `## The review app at scale (issue #10)

Produced by \`npm run bench:admin -- --rows ${ROWS} --databases ${DATABASES.join(",")}\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}).
Each database is new and holds ${ROWS.toLocaleString("en")} votes of one organization (${Math.ceil(ROWS / TURNS).toLocaleString("en")} conversations of ${TURNS} turns,
200 users, dates over a year, 60% positive: mostly auto-approved; 40% negative: mostly pending; a reason on 40%), their golden
examples, and a second organization with ${EXPORT_EXAMPLES.toLocaleString("en")} golden examples for the export; \`ANALYZE\` (\`VACUUM ANALYZE\` on PostgreSQL) ran after the seed
(seeding took ${results.map((result) => `${result.seedSeconds.toFixed(0)} s on ${LABEL[result.provider]}`).join(", ")}).

**Server time** is the service call in one process, as a route handler makes it (queries and JSON, no HTTP), median of ${RUNS} runs after a warm-up.

| query | ${results.map((result) => `${LABEL[result.provider]} ms`).join(" | ")} | target ms |
| --- | ${results.map(() => "---:").join(" | ")} | ---: |
${rows.join("\n")}

**Export** of the second organization's golden examples as JSONL through the production server (\`next start\`), the server's
resident memory sampled every 50 ms while the download runs:

| database | examples | size | time | server RSS before | peak | growth (target < 100 MB) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${exports.join("\n")}

${plans}`;
}

async function main() {
  const results: DatabaseResult[] = [];
  for (const provider of DATABASES) {
    let config: DatabaseConfig;
    let drop: () => Promise<void>;
    if (provider === "postgresql") {
      const baseUrl = process.env.TEST_POSTGRES_URL;
      if (!baseUrl) throw new Error("The PostgreSQL run needs TEST_POSTGRES_URL; or pass --databases sqlite");
      const scratch = await createScratchPostgresDatabase(baseUrl, "fk_bench_admin");
      config = resolveDatabaseConfig(scratch.url);
      drop = scratch.drop;
    } else {
      mkdirSync(".data", { recursive: true });
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${SQLITE_FILE}${suffix}`, { force: true });
      config = resolveDatabaseConfig(`file:./${SQLITE_FILE}`);
      drop = async () => undefined;
    }
    try {
      deployMigrations(config.url, { quiet: true });
      console.log(`${LABEL[provider]}: seeding ${ROWS.toLocaleString("en")} votes`);
      const started = Date.now();
      const db = createDatabase(config);
      const seeded = await seed(db);
      await db.destroy();
      const seedSeconds = (Date.now() - started) / 1000;
      console.log(`${LABEL[provider]}: timing the queries`);
      const timings = await measureQueries(config, seeded);
      console.log(`${LABEL[provider]}: exporting ${EXPORT_EXAMPLES.toLocaleString("en")} golden examples`);
      const exported = await measureExport(config, seeded);
      console.log(`  ${exported.examples} examples, ${(exported.bytes / 1e6).toFixed(0)} MB in ${exported.seconds.toFixed(1)} s, RSS ${exported.rssBeforeMb.toFixed(0)} → ${exported.rssPeakMb.toFixed(0)} MB`);
      results.push({ provider, seedSeconds, timings, exported });
    } finally {
      if (KEEP) console.log(`${LABEL[provider]}: kept the seeded database at ${config.url}`);
      else await drop();
    }
  }
  writeReportSection("admin", section(results));
}

await main();
