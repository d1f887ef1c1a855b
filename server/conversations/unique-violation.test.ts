import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/errors";
import { isUniqueViolation, retryOnUniqueViolation } from "./unique-violation";

const POSITION = { model: "Message", fields: ["conversationId", "position"] } as const;

// What better-sqlite3 and pg throw (server/conversations/unique-violation.int.test.ts checks the real ones).
const sqliteClash = Object.assign(new Error("UNIQUE constraint failed: Message.conversationId, Message.position"), { code: "SQLITE_CONSTRAINT_UNIQUE" });
const postgresClash = Object.assign(new Error('duplicate key value violates unique constraint "Message_conversationId_position_key"'), {
  code: "23505",
  constraint: "Message_conversationId_position_key",
});

describe("isUniqueViolation", () => {
  it("matches the constraint by its columns (SQLite) or its index name (PostgreSQL)", () => {
    expect(isUniqueViolation(sqliteClash, POSITION)).toBe(true);
    expect(isUniqueViolation(postgresClash, POSITION)).toBe(true);
  });

  it("does not match other constraints, other errors or other codes", () => {
    const other = { model: "Message", fields: ["organizationId", "externalId"] };
    expect(isUniqueViolation(sqliteClash, other)).toBe(false);
    expect(isUniqueViolation(sqliteClash, { model: "Conversation", fields: ["conversationId", "position"] })).toBe(false);
    expect(isUniqueViolation(postgresClash, other)).toBe(false);
    expect(isUniqueViolation(new Error("Unique constraint failed"), POSITION)).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error(sqliteClash.message), { code: "SQLITE_CONSTRAINT_NOTNULL" }), POSITION)).toBe(false);
    expect(isUniqueViolation({ ...postgresClash, code: "23503" }, POSITION)).toBe(false);
  });
});

describe("retryOnUniqueViolation", () => {
  it("runs the attempt again after a lost race", async () => {
    let attempts = 0;
    const result = await retryOnUniqueViolation([POSITION], async () => {
      attempts++;
      if (attempts < 3) throw postgresClash;
      return "stored";
    });
    expect({ result, attempts }).toEqual({ result: "stored", attempts: 3 });
  });

  it("gives up with a 409 after the last attempt", async () => {
    let attempts = 0;
    const failing = retryOnUniqueViolation(
      [POSITION],
      async () => {
        attempts++;
        throw sqliteClash;
      },
      4,
    );
    await expect(failing).rejects.toEqual(new DomainError("concurrent_write", "The conversation is being changed by concurrent requests; try again"));
    expect(attempts).toBe(4);
  });

  it("passes other errors through at once", async () => {
    let attempts = 0;
    const boom = new Error("boom");
    await expect(
      retryOnUniqueViolation([POSITION], async () => {
        attempts++;
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(attempts).toBe(1);
  });
});
