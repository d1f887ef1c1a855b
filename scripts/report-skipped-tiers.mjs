// The last lines of `npm test`: says loudly which test tiers did not run on this machine, so a
// green run without them is never mistaken for the whole suite (CI runs them all).
const skipped = [];
if (!process.env.TEST_POSTGRES_URL) skipped.push("the PostgreSQL tier (set TEST_POSTGRES_URL, e.g. postgresql://postgres@127.0.0.1:5432/test)");
if (!process.env.TEST_REDIS_URL) skipped.push("the rate limiter's Redis tests (set TEST_REDIS_URL, e.g. redis://127.0.0.1:6379)");

if (skipped.length === 0) {
  console.log("\nAll test tiers ran.");
} else {
  const line = "=".repeat(78);
  console.log(`\n${line}\n  NOT THE WHOLE SUITE: skipped ${skipped.join("; and ")}.\n${line}`);
}
