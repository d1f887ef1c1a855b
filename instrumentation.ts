// Next.js calls register() once per server process. The job worker runs inside the app, so a
// restart resumes whatever was pending (JOB_WORKER=off runs an instance without one).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.JOB_WORKER === "off") return;
  const { startJobWorker } = await import("./server/jobs/start-job-worker");
  startJobWorker();
}
