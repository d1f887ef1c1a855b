// `npm run original-api-client -- --base-url http://localhost:3000 --token fk_pat_…` (or FK_BASE_URL
// and FK_TOKEN): calls every user and admin endpoint the way the original API's frontend does, with a
// personal access token only, and prints each call. The token's user needs the admin role (the run
// saves the settings unchanged); it rates two answers of the user's own chats, starting one when there
// are none, and removes the votes and golden examples it made. Exits 1 when any status is not the one the original frontend expects.
import { parseArgs } from "node:util";
import { NothingToRateError, runOriginalApiClient, unexpectedSteps } from "./lib/original-api-client";

const USAGE = "Usage: npm run original-api-client -- [--base-url <url>] [--token fk_pat_…]  (or FK_BASE_URL / FK_TOKEN)";

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { "base-url": { type: "string" }, token: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const baseUrl = values["base-url"] ?? process.env.FK_BASE_URL ?? "http://localhost:3000";
  const token = values.token ?? process.env.FK_TOKEN;
  if (!token?.startsWith("fk_pat_")) {
    console.error(`A personal access token (fk_pat_…) is required; create one on ${baseUrl}/account/tokens.\n${USAGE}`);
    return 2;
  }
  try {
    const steps = await runOriginalApiClient({ baseUrl, headers: { authorization: `Bearer ${token}` } });
    for (const step of steps) {
      const mark = step.status === step.expected ? "ok " : "BAD";
      const outcome = step.detail ? `detail: ${step.detail}` : step.summary ? JSON.stringify(step.summary) : "";
      console.log(`${mark} ${String(step.status).padEnd(3)} ${step.method.padEnd(6)} ${step.path}  ${step.step}${outcome ? ` — ${outcome}` : ""}`);
    }
    const unexpected = unexpectedSteps(steps);
    console.log(unexpected.length === 0 ? `All ${steps.length} calls answered as expected.` : `${unexpected.length} of ${steps.length} calls answered otherwise.`);
    return unexpected.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof NothingToRateError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
