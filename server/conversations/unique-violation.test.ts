import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/generated/sqlite/client";
import { DomainError } from "@/server/errors";
import { isUniqueViolation, retryOnUniqueViolation } from "./unique-violation";

const POSITION = { model: "Message", fields: ["conversationId", "position"] } as const;

function p2002(meta: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "test", meta });
}

const sqliteClash = p2002({ modelName: "Message", driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { fields: ["conversationId", "position"] } } } });
const postgresClash = p2002({ modelName: "Message", driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { index: "Message_conversationId_position_key" } } } });

describe("isUniqueViolation", () => {
  it("matches the constraint by its fields (SQLite) or its index name (PostgreSQL)", () => {
    expect(isUniqueViolation(sqliteClash, POSITION)).toBe(true);
    expect(isUniqueViolation(postgresClash, POSITION)).toBe(true);
    expect(isUniqueViolation(p2002({ target: ["conversationId", "position"] }), POSITION)).toBe(true);
  });

  it("does not match other constraints, other errors or other codes", () => {
    const other = { model: "Message", fields: ["organizationId", "externalId"] };
    expect(isUniqueViolation(sqliteClash, other)).toBe(false);
    expect(isUniqueViolation(sqliteClash, { model: "Conversation", fields: ["conversationId", "position"] })).toBe(false);
    expect(isUniqueViolation(postgresClash, other)).toBe(false);
    expect(isUniqueViolation(new Error("Unique constraint failed"), POSITION)).toBe(false);
    expect(isUniqueViolation(new Prisma.PrismaClientKnownRequestError("x", { code: "P2025", clientVersion: "test" }), POSITION)).toBe(false);
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
    await expect(failing).rejects.toEqual(new DomainError("conflict", "The conversation is being changed by concurrent requests; try again", "concurrent_write"));
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
