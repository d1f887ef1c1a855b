import "server-only";
import { conflict } from "@/server/errors";

/** A unique constraint, named as in the Prisma schema: model and its fields in declaration order. */
export interface UniqueConstraint {
  model: string;
  fields: readonly string[];
}

/**
 * Whether a database error is a violation of this unique constraint. The drivers report it
 * differently: SQLite names the columns ("UNIQUE constraint failed: Message.conversationId,
 * Message.position"), PostgreSQL the index, which Prisma's migrations name Model_field_field_key.
 */
export function isUniqueViolation(error: unknown, constraint: UniqueConstraint): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, constraint: index, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === "23505") return index === `${constraint.model}_${constraint.fields.join("_")}_key`;
  if (code === "SQLITE_CONSTRAINT_UNIQUE" && typeof message === "string") {
    const columns = constraint.fields.map((field) => `${constraint.model}.${field}`).join(", ");
    return message === `UNIQUE constraint failed: ${columns}`;
  }
  return false;
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
