// A real process is killed (SIGKILL) while it runs the golden-example job of an approved vote;
// after a "restart" the work is done exactly once.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/client";
import { feedbackContext } from "@/server/feedback/feedback-context";
import { submitFeedback } from "@/server/feedback/feedback-service";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { JOB_HANDLERS } from "./job-handlers";
import { JobWorker } from "./job-worker";

const db = getDb();
afterAll(() => db.$disconnect());
const root = path.resolve(import.meta.dirname, "../..");

function runDoomedWorker(organizationId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "--tsconfig", "tsconfig.json", "test/crashing-worker.ts"],
      { cwd: root, env: { ...process.env, CRASH_ORGANIZATION_ID: organizationId }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const started = /started (\S+)/.exec(output);
      if (started) {
        child.kill("SIGKILL");
        resolve(started[1]!);
      }
    });
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`worker exited (${code}) before starting the job: ${errors}`));
    });
  });
}

describe(`worker crash (${getDatabaseProvider()})`, () => {
  it("a job interrupted by SIGKILL completes once after the restart", { timeout: 60_000 }, async () => {
    const org = await createTestOrganization(db);
    const { messages } = await createTestConversation(db, org.organization.id, org.member.id);
    const actor = { kind: "user" as const, userId: org.member.id, organizationId: org.organization.id, role: "member" as const, email: org.member.email, name: null };
    const { feedback } = await submitFeedback(feedbackContext(db, actor), { message_id: messages[1]!.id, feedback_type: "positive" });

    const jobId = await runDoomedWorker(org.organization.id);
    // The vote is approved and the job is claimed by a dead process; nothing was created.
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "running", lockedBy: "doomed-worker", attempts: 1 });
    expect(await db.goldenExample.count({ where: { feedbackId: feedback.id } })).toBe(0);

    // The restarted app's worker takes the job over once the dead worker's lease has run out.
    const restarted = new JobWorker(db, {
      handlers: JOB_HANDLERS,
      workerId: "restarted",
      organizationId: org.organization.id,
      now: () => new Date(Date.now() + 31_000),
    });
    expect(await restarted.runOnce()).toBe(1);
    expect(await restarted.runOnce()).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(await db.goldenExample.findMany({ where: { feedbackId: feedback.id } })).toEqual([
      expect.objectContaining({ approvalType: "auto", isActive: true, goldenResponse: "Answer 1." }),
    ]);
  });
});
