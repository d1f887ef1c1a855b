// Generates the table types of the app's queries (server/db/generated, by prisma-kysely) from the
// Prisma schema. Both providers declare identical models, so one generation serves both. Runs on
// `npm install`.
import { runPrisma } from "./lib/prisma-cli";

// A placeholder URL: generate reads no database, but the schema's env("DATABASE_URL") must resolve.
runPrisma(["generate"], "file:./.data/generate-placeholder.db", { quiet: true });
console.log("Generated the database types in server/db/generated/");
