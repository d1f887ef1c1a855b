// `npm run api-key:create -- --org <slug> --name <name>`: creates an organization API key for a chat
// backend and prints the plaintext once (only its hash is stored). Admins can also create keys on
// /admin/api-keys. The key alone goes to stdout, so `npm run -s api-key:create -- ...` can be captured.
import { resolveDatabaseConfig } from "@/prisma/database-url";
import { createApiKey } from "@/server/auth/api-keys";
import { createDatabase } from "@/server/db/database";
import { CREATE_API_KEY_USAGE, UsageError, parseCreateApiKeyArgs, type CreateApiKeyArgs } from "./lib/create-api-key-args";

async function main(argv: readonly string[]): Promise<number> {
  let args: CreateApiKeyArgs;
  try {
    args = parseCreateApiKeyArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${CREATE_API_KEY_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(CREATE_API_KEY_USAGE);
    return 0;
  }

  const db = createDatabase(resolveDatabaseConfig());
  try {
    const organization = await db.selectFrom("Organization").select(["id", "name"]).where("slug", "=", args.org).executeTakeFirst();
    if (!organization) {
      console.error(`No organization with slug "${args.org}".`);
      return 1;
    }
    const apiKey = await createApiKey(db, { organizationId: organization.id, name: args.name, scopes: args.scopes });
    console.error(
      `Created API key "${apiKey.name}" (${apiKey.prefix}…) for ${organization.name}. ` +
        "Store it now: it cannot be shown again. Send it as `Authorization: Bearer <key>`.",
    );
    console.log(apiKey.key);
    return 0;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
