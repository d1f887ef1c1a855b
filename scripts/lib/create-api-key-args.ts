// Command-line arguments of scripts/create-api-key.ts, kept apart from the script so they can be tested.
import { parseArgs } from "node:util";
import { API_KEY_SCOPE_NAMES, ApiKeyScopeSchema, type ApiKeyScope } from "@/lib/api/api-key-scopes";

export const CREATE_API_KEY_USAGE = "Usage: npm run api-key:create -- --org <organization slug> --name <key name> [--scopes <comma-separated, default conversations:write>]";
const MAX_NAME_LENGTH = 100;

export class UsageError extends Error {
  override name = "UsageError";
}

export type CreateApiKeyArgs = { help: true } | { help: false; org: string; name: string; scopes: ApiKeyScope[] };

export function parseCreateApiKeyArgs(argv: readonly string[]): CreateApiKeyArgs {
  let values: { org?: string; name?: string; scopes?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { org: { type: "string" }, name: { type: "string" }, scopes: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // node:util reports unknown options, stray positionals and missing values as TypeErrors.
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const org = values.org?.trim();
  const name = values.name?.trim();
  if (!org) throw new UsageError("--org <organization slug> is required");
  if (!name) throw new UsageError("--name <key name> is required");
  if (name.length > MAX_NAME_LENGTH) throw new UsageError(`--name must be at most ${MAX_NAME_LENGTH} characters`);
  const scopes = (values.scopes ?? "conversations:write").split(",").map((scope) => scope.trim());
  for (const scope of scopes) {
    if (!ApiKeyScopeSchema.safeParse(scope).success) throw new UsageError(`--scopes: unknown scope "${scope}" (one of ${API_KEY_SCOPE_NAMES.join(", ")})`);
  }
  return { help: false, org, name, scopes: scopes as ApiKeyScope[] };
}
