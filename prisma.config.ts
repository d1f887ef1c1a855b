// Prisma CLI configuration. The JS engine with a driver adapter lets migrate/generate run without
// Prisma's native engines (they cannot be downloaded here). DATABASE_URL picks the provider.
import { defineConfig } from "prisma/config";
import { resolveDatabaseConfig, schemaDirectory } from "./prisma/database-url";
import { createDriverAdapter } from "./prisma/driver-adapter";

const database = resolveDatabaseConfig();
// No Prisma Client is generated (the app queries through Kysely; prisma-kysely generates the
// types); without this the CLI would still fetch a query engine for one.
process.env.PRISMA_CLIENT_ENGINE_TYPE ??= "client";
// The schema reads env("DATABASE_URL"); without it the CLI falls back to downloading an engine.
process.env.DATABASE_URL = database.url;
const directory = schemaDirectory(database.provider);

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: `${directory}/schema.prisma`,
  migrations: { path: `${directory}/migrations` },
  adapter: async () => createDriverAdapter(database),
});
