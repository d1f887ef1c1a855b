import "server-only";
import { RATE_LIMITED_SIGN_IN } from "@/lib/auth/sign-in-errors";
import { RateLimitError } from "@/server/errors";
import { errorResponse, jsonResponse } from "@/server/http/error-response";
import { clientIp } from "@/server/rate-limit/client-ip";
import { consumePoint } from "@/server/rate-limit/limiter";
import { getRateLimiters } from "@/server/rate-limit/rate-limiters";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Which step of a sign-in a next-auth request is: starting one (POST /signin/<provider>, which
 * sends the browser to the identity provider) or finishing one (/callback/<provider>, where the
 * demo's credentials and the provider's code arrive). Sessions, CSRF tokens and the provider list
 * are not attempts. The two steps count separately, so a redirect sign-in is one attempt in each.
 */
export function signInStep(request: Request): "start" | "finish" | null {
  const match = /\/api\/auth\/(signin|callback)\/[^/]+\/?$/.exec(new URL(request.url).pathname);
  if (!match) return null;
  if (match[1] === "callback") return "finish";
  return request.method === "POST" ? "start" : null;
}

async function limitedResponse(request: Request, error: RateLimitError): Promise<Response> {
  const retryAfter = { "retry-after": String(error.retryAfterSeconds) };
  const signInPage = new URL(`/sign-in?error=${RATE_LIMITED_SIGN_IN}`, process.env.NEXTAUTH_URL ?? request.url).toString();
  // The identity provider sends the browser back with a GET: show the sign-in page with the reason, not JSON.
  if (request.method === "GET") return new Response(null, { status: 303, headers: { location: signInPage, ...retryAfter } });
  // next-auth's client reads `url` from the answer and goes there.
  const limited = errorResponse(error);
  return jsonResponse({ ...(await limited.json()), url: signInPage }, limited.status, Object.fromEntries(limited.headers));
}

/** Limits sign-in attempts per client IP address before next-auth sees them. */
export function withSignInRateLimit<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    const step = signInStep(request);
    if (step) {
      try {
        await consumePoint(getRateLimiters().signIns, `${step}:${clientIp(request)}`);
      } catch (error) {
        if (error instanceof RateLimitError) return limitedResponse(request, error);
        throw error;
      }
    }
    return handler(request, context);
  };
}
