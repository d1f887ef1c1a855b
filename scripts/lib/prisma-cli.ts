// Runs the Prisma CLI for one database. prisma.config.ts picks schema, migrations and adapter
// from DATABASE_URL, so the URL is all a caller passes.
import { spawnSync } from "node:child_process";
import path from "node:path";

const PRISMA_BIN = path.resolve(import.meta.dirname, "../../node_modules/.bin/prisma");

export function runPrisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): string {
  const result = spawnSync(PRISMA_BIN, args, {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  if (!options.quiet) process.stdout.write(result.stdout);
  return result.stdout;
}

/** Applies every migration in the repository to the database; safe to repeat. */
export function deployMigrations(databaseUrl: string, options: { quiet?: boolean } = {}): void {
  runPrisma(["migrate", "deploy"], databaseUrl, options);
}
