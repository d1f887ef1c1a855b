// A real process is killed (SIGKILL) while the real golden-example handler of an approved vote is
// inside its transaction; after a "restart" the work is done exactly once.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { submitFeedback } from "@/server/feedback/feedback-service";
import { countOf } from "@/test/db";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";
import { JOB_HANDLERS } from "./job-handlers";
import { JobWorker } from "./job-worker";

const db = getDb();
const root = path.resolve(import.meta.dirname, "../..");

/** Starts the doomed worker and kills it once the golden example is written but not committed. */
function runDoomedWorker(organizationId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader, not the tsx command: that runs the script in a child process,
    // which would outlive a SIGKILL of the command and keep the dead worker's transaction open.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/crashing-worker.ts"], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.json", CRASH_ORGANIZATION_ID: organizationId },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (output.includes("inserted, not committed")) {
        child.kill("SIGKILL");
        child.once("exit", () => resolve());
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
    const actor = { kind: "user" as const, userId: org.member.id, organizationId: org.organization.id, role: "member" as const, email: org.member.email, name: null, credential: { kind: "session" as const } };
    const { feedback } = await submitFeedback({ db, actor }, { message_id: messages[1]!.id, feedback_type: "positive" });

    await runDoomedWorker(org.organization.id);
    // The vote is approved and its job claimed by a dead process; what it wrote died with it.
    const job = await db.selectFrom("Job").selectAll().where("organizationId", "=", org.organization.id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "running", lockedBy: "doomed-worker", attempts: 1 });
    expect(await countOf(db.selectFrom("GoldenExample").where("feedbackId", "=", feedback.id))).toBe(0);
    expect(await countOf(db.selectFrom("AuditLog").where("organizationId", "=", org.organization.id))).toBe(0);

    // The restarted app's worker takes the job over once the dead worker's lease has run out.
    const restarted = new JobWorker(db, {
      handlers: JOB_HANDLERS,
      workerId: "restarted",
      organizationId: org.organization.id,
      now: () => new Date(Date.now() + 31_000),
    });
    expect(await restarted.runOnce()).toBe(1);
    expect(await restarted.runOnce()).toBe(0);
    expect(await db.selectFrom("Job").selectAll().where("id", "=", job.id).executeTakeFirstOrThrow()).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(await db.selectFrom("GoldenExample").selectAll().where("feedbackId", "=", feedback.id).execute()).toEqual([
      expect.objectContaining({ approvalType: "auto", isActive: true, goldenResponse: "Answer 1." }),
    ]);
    expect(await countOf(db.selectFrom("AuditLog").where("organizationId", "=", org.organization.id).where("action", "=", "golden_example.created"))).toBe(1);
  });
});
