// Next.js calls register() once per server process, before it serves anything. A misconfigured
// server exits here. The job worker runs inside the app, so a restart resumes whatever was pending
// (JOB_WORKER=off runs an instance without one).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { exitOnConfigProblems } = await import("./server/start-up-check");
  exitOnConfigProblems();
  if (process.env.JOB_WORKER === "off") return;
  const { startJobWorker } = await import("./server/jobs/start-job-worker");
  startJobWorker();
}
