import "server-only";
import { conflict } from "@/server/errors";
import { Prisma } from "@/server/db/generated/sqlite/client";

/** A unique constraint, named as in the Prisma schema: model and its fields in declaration order. */
export interface UniqueConstraint {
  model: string;
  fields: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function sameFields(actual: unknown, expected: readonly string[]): boolean {
  return Array.isArray(actual) && actual.length === expected.length && expected.every((field, index) => actual[index] === field);
}

/**
 * Whether a database error is a violation of this unique constraint. Driver adapters report it
 * differently: SQLite names the columns, PostgreSQL the index (Prisma names it Model_field_field_key).
 */
export function isUniqueViolation(error: unknown, constraint: UniqueConstraint): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const indexName = `${constraint.model}_${constraint.fields.join("_")}_key`;
  const meta = error.meta;
  if (!isRecord(meta)) return false;
  // Conversation and Message both have (organizationId, externalId): the columns alone are ambiguous.
  if (typeof meta.modelName === "string" && meta.modelName !== constraint.model) return false;
  const adapterError = meta.driverAdapterError;
  const cause = isRecord(adapterError) ? adapterError.cause : undefined;
  const reported = isRecord(cause) ? cause.constraint : undefined;
  if (isRecord(reported)) return sameFields(reported.fields, constraint.fields) || reported.index === indexName;
  // Without a driver adapter Prisma reports `target`: the fields or the index name.
  return sameFields(meta.target, constraint.fields) || meta.target === indexName;
}

/**
 * Runs `attempt` again when it loses a race on one of the given unique constraints: each attempt
 * re-reads what the winner stored. Gives up with a 409 after `maxAttempts`.
 */
export async function retryOnUniqueViolation<T>(
  constraints: readonly UniqueConstraint[],
  attempt: () => Promise<T>,
  maxAttempts = 5,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt();
    } catch (error) {
      if (!constraints.some((constraint) => isUniqueViolation(error, constraint))) throw error;
      if (attemptNumber >= maxAttempts) {
        throw conflict("The conversation is being changed by concurrent requests; try again", "concurrent_write");
      }
    }
  }
}
