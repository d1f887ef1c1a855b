import "server-only";
import { randomFillSync } from "node:crypto";

let counter = 0;

// Randomness drawn 4 KiB at a time: randomBytes(8) per id was a system call on every vote.
const randomPool = Buffer.alloc(4096);
let poolOffset = randomPool.length;

function random64(): bigint {
  if (poolOffset === randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  const value = randomPool.readBigUInt64BE(poolOffset);
  poolOffset += 8;
  return value;
}

/**
 * A 25-character collision-resistant id in the shape of Prisma's cuid() (c + time + counter +
 * randomness), for rows written without Prisma's client.
 */
export function createId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0");
  const sequence = counter.toString(36).padStart(4, "0");
  const random = random64().toString(36).padStart(13, "0").slice(0, 12);
  return `c${time}${sequence}${random}`;
}
