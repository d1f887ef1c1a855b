// Command-line arguments of scripts/create-api-key.ts, kept apart from the script so they can be tested.
import { parseArgs } from "node:util";

export const CREATE_API_KEY_USAGE = "Usage: npm run api-key:create -- --org <organization slug> --name <key name>";
const MAX_NAME_LENGTH = 100;

export class UsageError extends Error {
  override name = "UsageError";
}

export type CreateApiKeyArgs = { help: true } | { help: false; org: string; name: string };

export function parseCreateApiKeyArgs(argv: readonly string[]): CreateApiKeyArgs {
  let values: { org?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { org: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
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
  return { help: false, org, name };
}
