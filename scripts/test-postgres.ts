// `npm run test:postgres`: the integration tests again, on PostgreSQL, when TEST_POSTGRES_URL is set.
// Without it the tier is skipped, and `npm test` says so again in its last lines.
import { spawnSync } from "node:child_process";

if (!process.env.TEST_POSTGRES_URL) {
  console.log("PostgreSQL tier SKIPPED: set TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run it.");
  process.exit(0);
}
const result = spawnSync("vitest", ["run", "--project", "postgres"], { stdio: "inherit", shell: false, env: process.env });
process.exit(result.status ?? 1);
