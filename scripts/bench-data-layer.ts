// `npm run bench:data-layer`: what each candidate mechanism for the one data layer costs per call on
// the feedback hot path, on SQLite and PostgreSQL, in one run (docs/architecture.md, "One data
// layer"). Candidates: Prisma's query API; Prisma's raw SQL; Kysely-built SQL run by Prisma's raw
// API (what prisma-extension-kysely does); Kysely on its own driver. Operations: the context read
// of a vote (message, conversation, settings and the caller's vote in one join), a new vote (vote
// and job row in one transaction), and a conversation's 100 votes as the list response body.
// Usage: npm run bench:data-layer [-- --calls 3000]; PostgreSQL from TEST_POSTGRES_URL or DATABASE_URL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Compilable } from "kysely";
import { v7 as uuid } from "uuid";
import { resolveDatabaseConfig, type DatabaseConfig } from "@/prisma/database-url";
import { createDatabase, type Db } from "@/server/db/database";
import { createPrismaClient, type Db as PrismaDb } from "@/server/db/client";
import { deployMigrations } from "./lib/prisma-cli";
import { createScratchPostgresDatabase } from "./lib/scratch-postgres";

const args = new Map<string, string>();
for (let index = 2; index < process.argv.length; index += 2) args.set(process.argv[index]!.replace(/^--/, ""), process.argv[index + 1]!);
const CALLS = Number(args.get("calls") ?? 3000);
const ROUNDS = 3;

interface Fixture {
  organizationId: string;
  userId: string;
  conversationId: string;
  freshConversationId: string;
  ratedMessageId: string;
  freshMessageIds: string[];
}

async function seed(db: Db): Promise<Fixture> {
  const now = new Date().toISOString();
  const organizationId = uuid();
  const userId = uuid();
  const conversationId = uuid();
  await db.insertInto("Organization").values({ id: organizationId, slug: "bench", name: "Bench", createdAt: now, updatedAt: now }).execute();
  await db.insertInto("User").values({ id: userId, email: "bench@bench.test", createdAt: now, updatedAt: now }).execute();
  await db.insertInto("Membership").values({ id: uuid(), organizationId, userId, role: "member", createdAt: now }).execute();
  await db
    .insertInto("FeedbackSettings")
    .values({ organizationId, reasonOptions: JSON.stringify({ positive: [], negative: [] }), allowedOrigins: "[]", updatedAt: now })
    .execute();
  await db.insertInto("Conversation").values({ id: conversationId, organizationId, userId, createdAt: now, updatedAt: now }).execute();
  // New votes go to a conversation of their own, so the list read keeps reading 100 votes.
  const freshConversationId = uuid();
  await db.insertInto("Conversation").values({ id: freshConversationId, organizationId, userId, createdAt: now, updatedAt: now }).execute();
  const chat = (id: string, length: number) =>
    Array.from({ length }, (_, position) => ({
      id: `${id}-${position}`,
      organizationId,
      conversationId: id,
      role: position % 2 === 0 ? ("user" as const) : ("assistant" as const),
      content: position % 2 === 0 ? `Question ${position}` : `Answer ${position}`,
      position,
      createdAt: now,
    }));
  const rated = chat(conversationId, 200);
  const fresh = chat(freshConversationId, ROUNDS * 4 * (CALLS + 200) * 2);
  const messages = [...rated, ...fresh];
  for (let start = 0; start < messages.length; start += 500) await db.insertInto("Message").values(messages.slice(start, start + 500)).execute();
  const answers = rated.filter((message) => message.role === "assistant");
  // Every answer of the 200-message conversation is rated.
  await db
    .insertInto("Feedback")
    .values(
      answers.map((message, index) => ({
        id: uuid(),
        organizationId,
        messageId: message.id,
        conversationId,
        userId,
        feedbackType: index % 2 === 0 ? ("positive" as const) : ("negative" as const),
        reason: index % 3 === 0 ? "Because" : null,
        reasonKeys: "[]",
        status: "pending" as const,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .execute();
  const freshMessageIds = fresh.filter((message) => message.role === "assistant").map((message) => message.id);
  return { organizationId, userId, conversationId, freshConversationId, ratedMessageId: answers[0]!.id, freshMessageIds };
}

/** The context read of a vote, as one statement (Kysely builds it; the raw candidates run its SQL). */
function contextQuery(db: Db, f: Fixture, messageId: string) {
  return db
    .selectFrom("Message as m")
    .innerJoin("Conversation as c", "c.id", "m.conversationId")
    .leftJoin("FeedbackSettings as s", "s.organizationId", "m.organizationId")
    .leftJoin("Feedback as f", (join) => join.onRef("f.messageId", "=", "m.id").on("f.userId", "=", f.userId))
    .select([
      "m.role",
      "m.conversationId",
      "c.userId as ownerId",
      "s.feedbackEnabled",
      "s.autoApprovePositive",
      "s.autoApproveNegative",
      "s.requireReasonPositive",
      "s.requireReasonNegative",
      "s.maxReasonLength",
      "s.reasonOptions",
      "f.id",
      "f.feedbackType",
      "f.reason",
      "f.reasonKeys",
      "f.status",
      "f.revision",
      "f.reviewedById",
      "f.reviewedAt",
      "f.createdAt",
      "f.updatedAt",
    ])
    .where("m.id", "=", messageId)
    .where("m.organizationId", "=", f.organizationId);
}

function voteRows(f: Fixture, messageId: string) {
  const now = new Date().toISOString();
  const id = uuid();
  return {
    feedback: {
      id,
      organizationId: f.organizationId,
      messageId,
      conversationId: f.freshConversationId,
      userId: f.userId,
      feedbackType: "positive" as const,
      reason: null,
      reasonKeys: "[]",
      status: "auto_approved" as const,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    },
    job: {
      id: uuid(),
      organizationId: f.organizationId,
      type: "golden_example.sync",
      payload: JSON.stringify({ feedback_id: id, revision: 1 }),
      dedupeKey: `golden_example.sync:${id}:1`,
      status: "pending" as const,
      attempts: 0,
      maxAttempts: 8,
      runAt: now,
      createdAt: now,
      updatedAt: now,
    },
  };
}

function toResponse(row: { id: string; messageId: string; userId: string; feedbackType: string; reason: string | null; reasonKeys: unknown; status: string; reviewedById: string | null; reviewedAt: unknown; createdAt: unknown; updatedAt: unknown }) {
  const iso = (value: unknown) => (value === null ? null : value instanceof Date ? value.toISOString() : String(value));
  return {
    id: row.id,
    message_id: row.messageId,
    user_id: row.userId,
    feedback_type: row.feedbackType,
    reason: row.reason,
    reason_keys: Array.isArray(row.reasonKeys) ? row.reasonKeys : typeof row.reasonKeys === "string" ? JSON.parse(row.reasonKeys) : [],
    status: row.status,
    reviewed_by: row.reviewedById,
    reviewed_at: iso(row.reviewedAt),
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
  };
}

interface Candidate {
  name: string;
  context(messageId: string): Promise<unknown>;
  vote(messageId: string): Promise<unknown>;
  list(): Promise<string>;
}

function candidates(kysely: Db, prisma: PrismaDb, f: Fixture): Candidate[] {
  const listQuery = () =>
    kysely
      .selectFrom("Feedback")
      .select(["id", "messageId", "userId", "feedbackType", "reason", "reasonKeys", "status", "reviewedById", "reviewedAt", "createdAt", "updatedAt"])
      .where("userId", "=", f.userId)
      .where("conversationId", "=", f.conversationId)
      .where("organizationId", "=", f.organizationId);
  const feedbackSelect = { id: true, messageId: true, userId: true, feedbackType: true, reason: true, reasonKeys: true, status: true, revision: true, reviewedById: true, reviewedAt: true, createdAt: true, updatedAt: true } as const;
  // Kysely's SQL with its parameters, run through Prisma's raw API.
  const rawThroughPrisma = (runner: Pick<PrismaDb, "$queryRawUnsafe">, query: Compilable) => {
    const { sql: text, parameters } = query.compile();
    return runner.$queryRawUnsafe<Record<string, unknown>[]>(text, ...parameters);
  };
  const insertStatements = (messageId: string) => {
    const rows = voteRows(f, messageId);
    return [kysely.insertInto("Feedback").values(rows.feedback), kysely.insertInto("Job").values(rows.job)] as const;
  };
  return [
    {
      name: "Prisma query API",
      context: (messageId) =>
        prisma.message.findFirst({
          where: { id: messageId, organizationId: f.organizationId },
          select: {
            role: true,
            conversationId: true,
            conversation: { select: { userId: true } },
            feedback: { where: { userId: f.userId }, select: feedbackSelect, take: 1 },
            organization: { select: { settings: true } },
          },
        }),
      vote: (messageId) => {
        const rows = voteRows(f, messageId);
        return prisma.$transaction(async (tx) => {
          await tx.feedback.create({ data: { ...rows.feedback, reasonKeys: [] } });
          await tx.job.create({ data: { ...rows.job, payload: JSON.parse(rows.job.payload) } });
        });
      },
      list: async () =>
        JSON.stringify({
          items: (await prisma.feedback.findMany({ where: { userId: f.userId, conversationId: f.conversationId, organizationId: f.organizationId }, select: feedbackSelect })).map(toResponse),
        }),
    },
    {
      name: "Prisma raw SQL ($queryRaw)",
      context: (messageId) => rawThroughPrisma(prisma, contextQuery(kysely, f, messageId)),
      vote: async (messageId) => {
        const [feedback, job] = insertStatements(messageId).map((query) => query.compile());
        // A batch transaction: the cheapest atomic write Prisma's raw API offers.
        await prisma.$transaction([prisma.$executeRawUnsafe(feedback!.sql, ...feedback!.parameters), prisma.$executeRawUnsafe(job!.sql, ...job!.parameters)]);
      },
      list: async () => JSON.stringify({ items: (await rawThroughPrisma(prisma, listQuery())).map((row) => toResponse(row as Parameters<typeof toResponse>[0])) }),
    },
    {
      name: "Kysely through Prisma (interactive transaction)",
      context: (messageId) => rawThroughPrisma(prisma, contextQuery(kysely, f, messageId)),
      vote: (messageId) =>
        prisma.$transaction(async (tx) => {
          for (const query of insertStatements(messageId)) await rawThroughPrisma(tx, query);
        }),
      list: async () => JSON.stringify({ items: (await rawThroughPrisma(prisma, listQuery())).map((row) => toResponse(row as Parameters<typeof toResponse>[0])) }),
    },
    {
      name: "Kysely on its own driver",
      context: (messageId) => contextQuery(kysely, f, messageId).executeTakeFirst(),
      vote: (messageId) =>
        kysely.transaction().execute(async (tx) => {
          const rows = voteRows(f, messageId);
          await tx.insertInto("Feedback").values(rows.feedback).execute();
          await tx.insertInto("Job").values(rows.job).execute();
        }),
      list: async () => JSON.stringify({ items: (await listQuery().execute()).map(toResponse) }),
    },
  ];
}

async function timePerCall(run: (index: number) => Promise<unknown>): Promise<number> {
  for (let index = 0; index < 200; index++) await run(index);
  const started = performance.now();
  for (let index = 0; index < CALLS; index++) await run(index);
  return ((performance.now() - started) * 1000) / CALLS;
}

async function measure(config: DatabaseConfig) {
  deployMigrations(config.url, { quiet: true });
  const kysely = createDatabase(config);
  const prisma = createPrismaClient(config);
  const fixture = await seed(kysely);
  let fresh = 0;
  const results: Record<string, { context: number[]; vote: number[]; list: number[] }> = {};
  // Rounds alternate the candidates, so drift hits all of them alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const candidate of candidates(kysely, prisma, fixture)) {
      const result = (results[candidate.name] ??= { context: [], vote: [], list: [] });
      result.context.push(await timePerCall(() => candidate.context(fixture.ratedMessageId)));
      result.vote.push(await timePerCall(() => candidate.vote(fixture.freshMessageIds[fresh++]!)));
      result.list.push(await timePerCall(() => candidate.list()));
    }
  }
  await prisma.$disconnect();
  await kysely.destroy();
  const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return Object.entries(results).map(([name, result]) => ({ name, context: median(result.context), vote: median(result.vote), list: median(result.list) }));
}

const postgresUrl = process.env.TEST_POSTGRES_URL ?? (process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined);
const directory = mkdtempSync(path.join(tmpdir(), "bench-data-layer-"));
const rows: string[] = [];
try {
  const databases: Array<[string, DatabaseConfig, () => Promise<void>]> = [
    ["SQLite", resolveDatabaseConfig(`file:${path.join(directory, "bench.db")}`), async () => undefined],
  ];
  if (postgresUrl) {
    const scratch = await createScratchPostgresDatabase(postgresUrl, "fk_bench_layer");
    databases.push(["PostgreSQL", resolveDatabaseConfig(scratch.url), scratch.drop]);
  } else {
    console.log("PostgreSQL skipped: set TEST_POSTGRES_URL.");
  }
  for (const [label, config, drop] of databases) {
    try {
      for (const result of await measure(config)) {
        rows.push(`| ${label} | ${result.name} | ${result.context.toFixed(0)} | ${result.vote.toFixed(0)} | ${result.list.toFixed(0)} |`);
      }
    } finally {
      await drop();
    }
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
console.log(`\nµs per call, median of ${ROUNDS} rounds of ${CALLS} calls (node ${process.version}):\n`);
console.log("| database | mechanism | context read | new vote (2 inserts, 1 transaction) | 100-vote list body |");
console.log("| --- | --- | ---: | ---: | ---: |");
for (const row of rows) console.log(row);
