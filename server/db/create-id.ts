import "server-only";
import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * A 25-character collision-resistant id in the shape of Prisma's cuid() (c + time + counter +
 * randomness), for rows written without Prisma's client.
 */
export function createId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0");
  const sequence = counter.toString(36).padStart(4, "0");
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(13, "0").slice(0, 12);
  return `c${time}${sequence}${random}`;
}
