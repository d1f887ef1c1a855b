// The unique-violation check must recognise real errors from both databases: SQLite reports the
// columns, PostgreSQL the index name.
import { describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb, type Queryable } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { CONVERSATION_EXTERNAL_ID, MESSAGE_EXTERNAL_ID, MESSAGE_POSITION } from "./conversation-repository";
import { isUniqueViolation, retryOnUniqueViolation } from "./unique-violation";

const db = getDb();

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
    const message = (position: number, externalId: string | null, executor: Queryable = db) =>
      executor
        .insertInto("Message")
        .values({ id: newId(), organizationId: organization.id, conversationId: conversation.id, role: "user", content: "x", position, externalId, createdAt: isoNow() })
        .execute();
    await message(5, "dup");

    const positionClash = await caught(message(0, null));
    expect(isUniqueViolation(positionClash, MESSAGE_POSITION)).toBe(true);
    expect(isUniqueViolation(positionClash, MESSAGE_EXTERNAL_ID)).toBe(false);

    // Inside a transaction too, as the append runs.
    const externalIdClash = await caught(db.transaction().execute((tx) => message(6, "dup", tx)));
    expect(isUniqueViolation(externalIdClash, MESSAGE_EXTERNAL_ID)).toBe(true);
    expect(isUniqueViolation(externalIdClash, MESSAGE_POSITION)).toBe(false);
    expect(isUniqueViolation(externalIdClash, CONVERSATION_EXTERNAL_ID)).toBe(false);
  });

  it("recognises the conversation external_id constraint, and retries on it", async () => {
    const { organization, member } = await createTestOrganization(db);
    const insert = () =>
      db
        .insertInto("Conversation")
        .values({ id: newId(), organizationId: organization.id, userId: member.id, externalId: "same", createdAt: isoNow(), updatedAt: isoNow() })
        .execute();
    await insert();
    const clash = await caught(insert());
    expect(isUniqueViolation(clash, CONVERSATION_EXTERNAL_ID)).toBe(true);

    let attempts = 0;
    const result = await retryOnUniqueViolation([CONVERSATION_EXTERNAL_ID], async () => {
      attempts++;
      if (attempts === 1) await insert();
      return "second attempt";
    });
    expect({ result, attempts }).toEqual({ result: "second attempt", attempts: 2 });
  });
});
