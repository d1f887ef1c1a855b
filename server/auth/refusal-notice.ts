import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { RefusalReason } from "./oauth-sign-in";

// The no-access page names the refused email. It travels in the URL signed, so nobody can send a
// link that makes the page claim something the server never said.

const NOTICE_TTL_SECONDS = 10 * 60;
const noticeClaims = z.object({
  reason: z.enum(["not_invited", "email_missing", "email_unverified"] satisfies RefusalReason[]),
  email: z.string().nullable(),
});
export type RefusalNotice = z.infer<typeof noticeClaims>;

const noticeKey = (secret: string) => new Uint8Array(hkdfSync("sha256", secret, "", "Feedback Kit sign-in refusal notice", 32));

export function encodeRefusalNotice(notice: RefusalNotice, secret: string): Promise<string> {
  return new SignJWT(notice)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(`${NOTICE_TTL_SECONDS}s`)
    .sign(noticeKey(secret));
}

/** The notice, or null for anything forged, expired or malformed. */
export async function decodeRefusalNotice(token: string | undefined, secret: string): Promise<RefusalNotice | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, noticeKey(secret), { algorithms: ["HS256"] });
    const parsed = noticeClaims.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
