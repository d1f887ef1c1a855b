import "server-only";
import { Redis } from "ioredis";

/**
 * A Redis connection for the limiters. Commands fail at once while it is down (no offline queue),
 * so a Redis outage falls back to per-instance limits instead of holding requests.
 */
export function createRedisClient(url: string): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  let available = true;
  client.on("error", (error: Error) => {
    if (!available) return;
    available = false;
    console.error(`[rate-limit] Redis is unavailable (${error.message}); limits are counted per app instance until it is back`);
  });
  client.on("ready", () => {
    if (!available) console.info("[rate-limit] Redis is back; limits are shared again");
    available = true;
  });
  return client;
}

// On globalThis, like the database client: Next.js may load this module once per bundle.
const globalForRedis = globalThis as unknown as { feedbackKitRedis?: Redis };

/** The process-wide client for REDIS_URL, or null when limits are kept in process. */
export function getRedis(): Redis | null {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  globalForRedis.feedbackKitRedis ??= createRedisClient(url);
  return globalForRedis.feedbackKitRedis;
}
