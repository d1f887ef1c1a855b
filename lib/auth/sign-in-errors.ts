// What the sign-in page and the demo picker say when a sign-in fails: next-auth's error codes
// (its pages.error is /sign-in) and the sign-in rate limit's.

export const RATE_LIMITED_SIGN_IN = "rate_limited";

const MESSAGES: Record<string, string> = {
  [RATE_LIMITED_SIGN_IN]: "Too many sign-in attempts from your network. Wait a minute, then try again.",
  OAuthSignin: "Your identity provider could not be reached. Try again; if it keeps failing, ask your administrator.",
  OAuthCallback: "Signing in with your identity provider did not complete. Try again; if it keeps failing, ask your administrator.",
  Callback: "Signing in did not complete. Try again; if it keeps failing, ask your administrator.",
  CredentialsSignin: "That demo user does not exist.",
  Configuration: "Sign-in is not configured correctly on the server. Ask your administrator.",
};

export function signInErrorMessage(code: string): string {
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : "Sign-in failed. Try again.";
}
