import "server-only";
import { productionStartProblems } from "@/server/auth/sign-in-config";
import { rateLimitConfigProblems } from "@/server/rate-limit/rate-limit-config";

/** Called once as the server starts: a misconfigured server stops here, not at its first sign-in or write. */
export function exitOnConfigProblems(env: Record<string, string | undefined> = process.env): void {
  const problems = [...productionStartProblems(env), ...rateLimitConfigProblems(env)];
  if (problems.length === 0) return;
  console.error(
    [
      "Feedback Kit cannot start:",
      ...problems.map((problem) => `  - ${problem}`),
      'What to set is in docs/security.md, "What an operator configures".',
    ].join("\n"),
  );
  process.exit(1);
}
