// Origins an organization allows to call the API from the browser (CORS). Browser-safe: the
// settings form checks with the same rules the API applies.
import { z } from "zod";

/** Most origins one organization may list. */
export const MAX_ALLOWED_ORIGINS = 50;

/** Scheme, host and optional port, and at most a trailing slash: no path, query, fragment or credentials. */
const ORIGIN_SHAPE = /^https?:\/\/[^/?#@\s]+\/?$/i;

/**
 * An origin as browsers send it in `Origin` (`https://chat.example.com`, `http://localhost:3131`):
 * lower-case host, no default port. Returns an error message for anything else.
 */
export function normalizeOrigin(value: string): { origin: string } | { error: string } {
  const trimmed = value.trim();
  if (trimmed.includes("*")) return { error: "wildcards are not allowed: list each origin" };
  if (!/^https?:\/\//i.test(trimmed)) return { error: "must start with https:// or http://" };
  if (!ORIGIN_SHAPE.test(trimmed)) return { error: "must be an origin only (scheme, host and port): no path, query, fragment or user" };
  try {
    return { origin: new URL(trimmed).origin };
  } catch {
    return { error: "is not a valid origin" };
  }
}

export const AllowedOriginSchema = z
  .string()
  .max(300, "must be at most 300 characters")
  .superRefine((value, context) => {
    const result = normalizeOrigin(value);
    if ("error" in result) context.addIssue({ code: "custom", message: result.error });
  })
  .overwrite((value) => {
    const result = normalizeOrigin(value);
    return "origin" in result ? result.origin : value;
  })
  .describe("An exact origin: scheme, host and port, e.g. https://chat.example.com");

export const AllowedOriginsSchema = z
  .array(AllowedOriginSchema)
  .max(MAX_ALLOWED_ORIGINS, `at most ${MAX_ALLOWED_ORIGINS} origins`)
  .overwrite((origins) => [...new Set(origins)])
  .describe("Origins whose pages may call the API with a bearer token (CORS); stored normalized, without duplicates");
