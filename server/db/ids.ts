import "server-only";
import { v7 } from "uuid";

/**
 * A new row id: a UUIDv7 (the schema's `@default(uuid(7))`). Time-ordered, so new rows land at
 * the end of the primary-key index and ids break ties between rows created in the same millisecond
 * in creation order.
 */
export const newId = (): string => v7();

/** The current time as every timestamp column stores it: ISO-8601 UTC with milliseconds. */
export const isoNow = (): string => new Date().toISOString();
