// The unique-violation check must recognise real errors from both databases: SQLite reports the
// columns, PostgreSQL the index name.
import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/client";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { CONVERSATION_EXTERNAL_ID, MESSAGE_EXTERNAL_ID, MESSAGE_POSITION } from "./conversation-repository";
import { isUniqueViolation, retryOnUniqueViolation } from "./unique-violation";

const db = getDb();
afterAll(() => db.$disconnect());

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the write to fail");
}

describe(`isUniqueViolation (${getDatabaseProvider()})`, () => {
  it("tells the message constraints apart", async () => {
    const { organization, member } = await createTestOrganization(db);
    const { conversation } = await createTestConversation(db, organization.id, member.id, 1);
    const base = { organizationId: organization.id, conversationId: conversation.id, role: "user" as const, content: "x" };
    await db.message.create({ data: { ...base, position: 5, externalId: "dup" } });

    const positionClash = await caught(db.message.create({ data: { ...base, position: 0 } }));
    expect(isUniqueViolation(positionClash, MESSAGE_POSITION)).toBe(true);
    expect(isUniqueViolation(positionClash, MESSAGE_EXTERNAL_ID)).toBe(false);

    // Inside a transaction too, as the append runs.
    const externalIdClash = await caught(db.$transaction((tx) => tx.message.create({ data: { ...base, position: 6, externalId: "dup" } })));
    expect(isUniqueViolation(externalIdClash, MESSAGE_EXTERNAL_ID)).toBe(true);
    expect(isUniqueViolation(externalIdClash, MESSAGE_POSITION)).toBe(false);
    expect(isUniqueViolation(externalIdClash, CONVERSATION_EXTERNAL_ID)).toBe(false);
  });

  it("recognises the conversation external_id constraint, and retries on it", async () => {
    const { organization, member } = await createTestOrganization(db);
    const data = { organizationId: organization.id, userId: member.id, externalId: "same" };
    await db.conversation.create({ data });
    const clash = await caught(db.conversation.create({ data }));
    expect(isUniqueViolation(clash, CONVERSATION_EXTERNAL_ID)).toBe(true);

    let attempts = 0;
    const result = await retryOnUniqueViolation([CONVERSATION_EXTERNAL_ID], async () => {
      attempts++;
      if (attempts === 1) await db.conversation.create({ data });
      return "second attempt";
    });
    expect({ result, attempts }).toEqual({ result: "second attempt", attempts: 2 });
  });
});
