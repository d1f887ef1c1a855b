import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { startWalCheckpointer, type CheckpointResult, type WalCheckpointer } from "./wal-checkpointer";

const directory = mkdtempSync(path.join(tmpdir(), "feedback-kit-wal-"));
let checkpointer: WalCheckpointer | undefined;
afterEach(async () => {
  await checkpointer?.stop();
  checkpointer = undefined;
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("startWalCheckpointer", () => {
  it("copies the frames another connection commits into the database file, off the main thread", async () => {
    const file = path.join(directory, "wal.db");
    const writer = new Database(file);
    // The writer never checkpoints itself: whatever reaches the database file was the worker's doing.
    writer.exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (v TEXT)");
    const insert = writer.prepare("INSERT INTO t (v) VALUES (?)");
    for (let row = 0; row < 200; row++) insert.run("x".repeat(500));

    const checkpoints: CheckpointResult[] = [];
    const copiedEverything = new Promise<void>((resolve) => {
      checkpointer = startWalCheckpointer(file, {
        intervalMs: 5,
        onCheckpoint: (result) => {
          checkpoints.push(result);
          if (result.checkpointed === result.log) resolve();
        },
      });
    });
    await copiedEverything;
    expect(checkpoints.at(-1)!.log).toBeGreaterThan(10);
    writer.close();
  });

  it("logs when its thread dies (here: not a database), and stop() still resolves", async () => {
    const file = path.join(directory, "not-a-database");
    writeFileSync(file, "x".repeat(4096));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const dead = startWalCheckpointer(file, { intervalMs: 5 });
      await vi.waitFor(() => expect(errors).toHaveBeenCalledWith(expect.stringContaining("[wal-checkpointer] stopped"), expect.anything()));
      await dead.stop();
    } finally {
      errors.mockRestore();
    }
  });
});
