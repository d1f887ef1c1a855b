// An open-loop load generator: requests start on a fixed schedule whatever the server's answer
// time, and each latency counts from when its request was due, so a slow server cannot slow the
// clock down and hide its own queueing. (autocannon's rate limit is a per-second budget per
// connection: every connection spends it at the start of each second, so requests arrive in bursts.)
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

export interface OpenLoopOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Called once per request. */
  body?: () => string | undefined;
  /** Requests per second, spread evenly. */
  rate: number;
  durationSeconds: number;
  /** At most this many requests in flight (further ones wait for a connection; the wait counts). */
  connections: number;
}

export interface OpenLoopResult {
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const body = options.body?.();
      const headers = body === undefined ? options.headers : { ...options.headers, "content-length": String(Buffer.byteLength(body)) };
      const request = http.request(options.url, { method: options.method ?? "GET", headers, agent }, (response) => {
        response.resume();
        response.on("end", () => {
          latencies.push(performance.now() - due);
          if ((response.statusCode ?? 0) >= 300) non2xx++;
          resolve();
        });
      });
      request.on("error", () => {
        errors++;
        resolve();
      });
      request.end(body);
    });

  const total = Math.round(options.rate * options.durationSeconds);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = start + (index * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    pending.push(send(due));
  }
  await Promise.all(pending);
  const elapsedSeconds = (performance.now() - start) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    non2xx,
    errors,
  };
}
