// Reads rows from the e2e server's seeded SQLite database (playwright.config.ts) that the UI does
// not show.
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";

export const E2E_DATABASE_FILE = ".data/e2e.db";

function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The identity-provider accounts linked to the user with this email. */
export function linkedAccountsOf(email: string): Array<{ provider: string; providerAccountId: string }> {
  return readDatabase((db) =>
    db
      .prepare(`SELECT a."provider", a."providerAccountId" FROM "Account" a JOIN "User" u ON u."id" = a."userId" WHERE u."email" = ?`)
      .all(email) as Array<{ provider: string; providerAccountId: string }>,
  );
}

/** Whether any user row has this email. */
export function userExists(email: string): boolean {
  return readDatabase((db) => db.prepare(`SELECT 1 FROM "User" WHERE "email" = ?`).get(email) !== undefined);
}

/** The nth (0-based, oldest first) assistant message in the user's seeded conversations that they have not rated. */
export function unratedAssistantMessageOf(email: string, nth = 0): { messageId: string; conversationId: string } {
  return readDatabase((db) => {
    const row = db
      .prepare(
        `SELECT m."id" AS messageId, m."conversationId" AS conversationId
           FROM "Message" m
           JOIN "Conversation" c ON c."id" = m."conversationId"
           JOIN "User" u ON u."id" = c."userId"
          WHERE u."email" = ? AND m."role" = 'assistant'
            AND NOT EXISTS (SELECT 1 FROM "Feedback" f WHERE f."messageId" = m."id" AND f."userId" = u."id")
          ORDER BY m."createdAt", m."id" LIMIT 1 OFFSET ?`,
      )
      .get(email, nth) as { messageId: string; conversationId: string } | undefined;
    if (!row) throw new Error(`no unrated assistant message for ${email} in ${E2E_DATABASE_FILE}`);
    return row;
  });
}

/** The id of the seeded conversation with this demo key (its external_id). */
export function seededConversationId(key: string): string {
  const db = new Database(E2E_DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT "id" FROM "Conversation" WHERE "externalId" = ?`).get(key) as { id: string } | undefined;
    if (!row) throw new Error(`no seeded conversation ${key} in ${E2E_DATABASE_FILE}`);
    return row.id;
  } finally {
    db.close();
  }
}

/** The index-th (0-based) assistant answer of the seeded conversation with this demo key. */
export function seededAnswerOf(key: string, index: number): { messageId: string; conversationId: string } {
  return readDatabase((db) => {
    const row = db
      .prepare(
        `SELECT m."id" AS messageId, c."id" AS conversationId FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
          WHERE c."externalId" = ? AND m."role" = 'assistant' ORDER BY m."position" LIMIT 1 OFFSET ?`,
      )
      .get(key, index) as { messageId: string; conversationId: string } | undefined;
    if (!row) throw new Error(`no answer ${index} in the seeded conversation ${key}`);
    return row;
  });
}

/** An organization API key for the seeded organization with this slug, created as `npm run api-key:create` does. */
export function createDemoApiKey(organizationSlug: string, name: string, scopes: readonly string[]): string {
  const args = ["--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/create-api-key.ts", "--org", organizationSlug, "--name", name];
  args.push("--scopes", scopes.join(","));
  return execFileSync("node_modules/.bin/tsx", args, { env: { ...process.env, DATABASE_URL: `file:./${E2E_DATABASE_FILE}` }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}
