import NextAuth from "next-auth";
import { buildAuthOptions } from "@/server/auth/auth-options";
import { withSignInRateLimit } from "@/server/http/sign-in-rate-limit";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

let handler: ReturnType<typeof NextAuth> | undefined;

// Built on first request, not at import, so `next build` needs no secret or database.
const authHandler = withSignInRateLimit(async (request: Request, context: NextAuthContext) => {
  handler ??= NextAuth(buildAuthOptions());
  return handler(request, context);
});

export { authHandler as GET, authHandler as POST };
