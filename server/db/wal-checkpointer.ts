import "server-only";
import { Worker } from "node:worker_threads";
import { sqlitePragmas } from "@/prisma/driver-adapter";
import { getDatabaseConfig, getDb } from "./client";

/**
 * Checkpoints an SQLite database's write-ahead log from a worker thread. A checkpoint copies the
 * WAL into the database file and fsyncs both; left to SQLite, the connection whose commit crosses
 * the threshold runs it, so every few dozen votes one request blocked the event loop on disk
 * (docs/database.md, "Checkpoints"). The app's own connections keep a higher threshold as the
 * fallback for when no checkpointer runs (scripts, tests) or it falls behind.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { timeout: 1000 });
db.exec(workerData.pragmas);
const stop = () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
};
const timer = setInterval(() => {
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    if (workerData.report && result.checkpointed > 0) parentPort.postMessage(result);
  } catch (error) {
    // Once, not every interval: the connections' own checkpoints take over.
    parentPort.postMessage({ error: String(error) });
    stop();
  }
}, workerData.intervalMs);
parentPort.on("message", stop);
`;

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export interface WalCheckpointerOptions {
  intervalMs?: number;
  /** Called after each checkpoint that copied frames (for tests and diagnostics). */
  onCheckpoint?: (result: CheckpointResult) => void;
}

export interface WalCheckpointer {
  stop(): Promise<void>;
}

export function startWalCheckpointer(file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, pragmas: sqlitePragmas(), intervalMs: options.intervalMs ?? 20, report: Boolean(options.onCheckpoint) },
  });
  worker.on("message", (message: CheckpointResult | { error: string }) => {
    if ("error" in message) console.error(`[wal-checkpointer] stopped; connections fall back to their own checkpoints: ${message.error}`);
    else options.onCheckpoint?.(message);
  });
  worker.on("error", (error) => console.error("[wal-checkpointer] stopped; connections fall back to their own checkpoints", error));
  // Never the reason the process stays up.
  worker.unref();
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  return {
    stop: async () => {
      worker.postMessage("stop");
      await exited;
    },
  };
}

/** The app's checkpointer, when its database is an SQLite file (PostgreSQL needs none). */
export function startAppWalCheckpointer(): WalCheckpointer | null {
  const { sqliteFile } = getDatabaseConfig(getDb());
  return sqliteFile ? startWalCheckpointer(sqliteFile) : null;
}
