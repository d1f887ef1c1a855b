// `npm run bench:job-claim`: the job claim on PostgreSQL with and without `FOR UPDATE SKIP LOCKED`
// (docs/architecture.md, "Claiming"). Both runs use the app's own claimDueJobs and completeJobs;
// the compare-and-set run hands them a handle whose adapter does not say "PostgreSQL", so the
// statement is the same but for the two words (the outer WHERE re-check is the compare-and-set).
// Several workers drain the same queue at once; the report gives the drain rate, the claim
// latency, how often a worker came back empty-handed while work was left, and how many claims
// PostgreSQL aborted as deadlocks (compare-and-set batches lock their rows in no agreed order).
// Usage: npm run bench:job-claim [-- --jobs 20000 --workers 8 --batch 10 --rounds 3]; PostgreSQL from TEST_POSTGRES_URL.
import { randomUUID } from "node:crypto";
import { Kysely, PostgresAdapter, sql, type DialectAdapter } from "kysely";
import { resolveDatabaseConfig } from "@/prisma/database-url";
import { createDatabase, type Db } from "@/server/db/database";
import type { DB } from "@/server/db/generated/database";
import { newId } from "@/server/db/ids";
import { createPostgresDialect } from "@/server/db/postgres-pool";
import { claimDueJobs, completeJobs } from "@/server/jobs/job-queue";
import { deployMigrations } from "./lib/prisma-cli";
import { percentile } from "./lib/open-loop-load";
import { writeReportSection } from "./lib/report-section";
import { createScratchPostgresDatabase } from "./lib/scratch-postgres";

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) args.set(process.argv[index]!.replace(/^--/, ""), process.argv[index + 1]!);
const JOBS = Number(args.get("jobs") ?? 20_000);
const WORKERS = Number(args.get("workers") ?? 8);
const BATCH = Number(args.get("batch") ?? 10);
const ROUNDS = Number(args.get("rounds") ?? 3);

type Variant = "skip locked" | "compare-and-set";

/** PostgreSQL's adapter under another class, so dialectOf() does not add the SKIP LOCKED fragment. */
class PlainAdapter implements DialectAdapter {
  readonly #inner = new PostgresAdapter();
  get supportsCreateIfNotExists() {
    return this.#inner.supportsCreateIfNotExists;
  }
  get supportsTransactionalDdl() {
    return this.#inner.supportsTransactionalDdl;
  }
  get supportsReturning() {
    return this.#inner.supportsReturning;
  }
  acquireMigrationLock: DialectAdapter["acquireMigrationLock"] = (db, options) => this.#inner.acquireMigrationLock(db, options);
  releaseMigrationLock: DialectAdapter["releaseMigrationLock"] = (db, options) => this.#inner.releaseMigrationLock(db, options);
}

function compareAndSetHandle(url: string): Db {
  const inner = createPostgresDialect(url);
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PlainAdapter(),
      createDriver: () => inner.createDriver(),
      createQueryCompiler: () => inner.createQueryCompiler(),
      createIntrospector: (db) => inner.createIntrospector(db),
    },
  });
}

async function refillQueue(db: Db): Promise<void> {
  await db.deleteFrom("Job").execute();
  const runAt = new Date(Date.now() - 1000).toISOString();
  for (let offset = 0; offset < JOBS; offset += 1000) {
    const rows = Array.from({ length: Math.min(1000, JOBS - offset) }, () => ({
      id: newId(),
      type: "bench.noop",
      payload: "{}",
      status: "pending" as const,
      attempts: 0,
      maxAttempts: 8,
      runAt,
      createdAt: runAt,
      updatedAt: runAt,
    }));
    await db.insertInto("Job").values(rows).execute();
  }
  await sql`VACUUM ANALYZE "Job"`.execute(db);
}

interface Drain {
  seconds: number;
  claimed: number;
  duplicates: number;
  emptyWhileLeft: number;
  /** Claims and completions PostgreSQL aborted as deadlocked (40P01): the worker retries them. */
  deadlocks: number;
  claimMs: number[];
}

function isDeadlock(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "40P01";
}

async function drain(db: Db): Promise<Drain> {
  const seen = new Set<string>();
  let duplicates = 0;
  let emptyWhileLeft = 0;
  let deadlocks = 0;
  const claimMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      const workerId = `bench-${randomUUID()}`;
      for (;;) {
        const before = performance.now();
        let jobs;
        try {
          jobs = await claimDueJobs(db, { workerId, limit: BATCH, leaseMs: 60_000, now: new Date(), types: ["bench.noop"] });
        } catch (error) {
          if (!isDeadlock(error)) throw error;
          deadlocks += 1;
          continue;
        }
        claimMs.push(performance.now() - before);
        if (jobs.length === 0) {
          if (seen.size >= JOBS) return;
          emptyWhileLeft += 1;
          continue;
        }
        for (const job of jobs) {
          if (seen.has(job.id)) duplicates += 1;
          seen.add(job.id);
        }
        // Marking a batch done can deadlock too; it is retried, or the jobs would wait out their lease.
        for (;;) {
          try {
            await completeJobs(db, jobs, workerId, new Date());
            break;
          } catch (error) {
            if (!isDeadlock(error)) throw error;
            deadlocks += 1;
          }
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, claimed: seen.size, duplicates, emptyWhileLeft, deadlocks, claimMs: claimMs.sort((a, b) => a - b) };
}

async function main() {
  const baseUrl = process.env.TEST_POSTGRES_URL;
  if (!baseUrl) throw new Error("bench:job-claim needs TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)");
  process.env.DATABASE_POOL_SIZE = String(WORKERS + 2);
  const scratch = await createScratchPostgresDatabase(baseUrl, "fk_bench_claim");
  deployMigrations(scratch.url, { quiet: true });
  const handles: Record<Variant, Db> = {
    "skip locked": createDatabase(resolveDatabaseConfig(scratch.url)),
    "compare-and-set": compareAndSetHandle(scratch.url),
  };
  try {
    const results: Record<Variant, Drain[]> = { "skip locked": [], "compare-and-set": [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of Object.keys(handles) as Variant[]) {
        await refillQueue(handles[variant]);
        const result = await drain(handles[variant]);
        if (result.claimed !== JOBS || result.duplicates > 0) throw new Error(`${variant}: claimed ${result.claimed} of ${JOBS}, ${result.duplicates} twice`);
        results[variant].push(result);
        console.log(`round ${round + 1} ${variant}: ${Math.round(JOBS / result.seconds)} jobs/s, ${result.emptyWhileLeft} empty claims, ${result.deadlocks} deadlocks`);
      }
    }
    const rows = (Object.keys(results) as Variant[]).map((variant) => {
      const sorted = [...results[variant]].sort((a, b) => a.seconds - b.seconds);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      const rates = results[variant].map((result) => Math.round(JOBS / result.seconds)).join(", ");
      return `| ${variant} | ${Math.round(JOBS / median.seconds).toLocaleString("en")} (${rates}) | ${percentile(median.claimMs, 0.5).toFixed(1)} | ${percentile(median.claimMs, 0.99).toFixed(1)} | ${median.emptyWhileLeft} | ${median.deadlocks} | ${median.duplicates} |`;
    });
    writeReportSection(
      "job-claim",
      `## Job claim on PostgreSQL: SKIP LOCKED against compare-and-set

Produced by \`npm run bench:job-claim -- --jobs ${JOBS} --workers ${WORKERS} --batch ${BATCH} --rounds ${ROUNDS}\` on ${new Date().toISOString().slice(0, 10)}
(${WORKERS} workers in one process drain ${JOBS.toLocaleString("en")} due jobs, ${BATCH} per claim, each batch marked done
before the next claim; the median round of ${ROUNDS}, every round's rate in brackets). Both variants run the app's
\`claimDueJobs\`; the compare-and-set one without \`FOR UPDATE SKIP LOCKED\`.

| claim | jobs/s (rounds) | claim p50 ms | claim p99 ms | empty claims while jobs were left | statements aborted as deadlocks | claimed twice |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}
`,
    );
  } finally {
    await Promise.all(Object.values(handles).map((handle) => handle.destroy()));
    await scratch.drop();
  }
}

await main();
