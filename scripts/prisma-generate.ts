// Generates the Prisma client for both providers; the app picks one at run time from DATABASE_URL,
// so switching databases never needs a rebuild step. Runs on `npm install`.
import { runPrisma } from "./lib/prisma-cli";

// Placeholder URLs: generate reads no database, but the schema's env("DATABASE_URL") must resolve.
runPrisma(["generate"], "file:./.data/generate-placeholder.db", { quiet: true });
runPrisma(["generate"], "postgresql://placeholder@127.0.0.1:5432/placeholder", { quiet: true });
console.log("Generated Prisma clients for SQLite and PostgreSQL in server/db/generated/");
