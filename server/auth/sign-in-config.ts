import "server-only";

/** One place that reads the sign-in environment: next-auth's providers, the sign-in page and the start-up check. */

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
}

export interface GitHubConfig {
  clientId: string;
  clientSecret: string;
}

export interface SignInConfig {
  oidc: OidcConfig | null;
  github: GitHubConfig | null;
  /** The pick-a-seeded-user sign-in: always on outside production, opt-in with DEMO_SIGN_IN=true in it. */
  demo: boolean;
  /** Variables that are set only in part; a provider with a missing variable is not offered. */
  incomplete: string[];
}

export interface SignInButton {
  id: string;
  name: string;
}

type Env = Record<string, string | undefined>;

const isProduction = (env: Env) => env.NODE_ENV === "production";

export function isDemoSignInEnabled(env: Env = process.env): boolean {
  return !isProduction(env) || env.DEMO_SIGN_IN === "true";
}

/** A provider needs all of its variables; naming the missing ones beats silently offering nothing. */
function readGroup<Name extends string>(env: Env, names: readonly Name[], incomplete: string[]): Record<Name, string> | null {
  const values = names.map((name) => env[name]?.trim() ?? "");
  const present = values.filter(Boolean).length;
  if (present === 0) return null;
  if (present < names.length) {
    const missing = names.filter((_, index) => !values[index]);
    incomplete.push(`${names.filter((_, index) => values[index]).join(", ")} set without ${missing.join(", ")}`);
    return null;
  }
  return Object.fromEntries(names.map((name, index) => [name, values[index]])) as Record<Name, string>;
}

export function readSignInConfig(env: Env = process.env): SignInConfig {
  const incomplete: string[] = [];
  const oidc = readGroup(env, ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const, incomplete);
  const github = readGroup(env, ["GITHUB_ID", "GITHUB_SECRET"] as const, incomplete);
  return {
    oidc: oidc && {
      issuer: oidc.OIDC_ISSUER,
      clientId: oidc.OIDC_CLIENT_ID,
      clientSecret: oidc.OIDC_CLIENT_SECRET,
      displayName: env.OIDC_DISPLAY_NAME?.trim() || "single sign-on",
    },
    github: github && { clientId: github.GITHUB_ID, clientSecret: github.GITHUB_SECRET },
    demo: isDemoSignInEnabled(env),
    incomplete,
  };
}

/** The redirect-based providers, in the order the sign-in page offers them. */
export function oauthSignInButtons(config: SignInConfig): SignInButton[] {
  const buttons: SignInButton[] = [];
  if (config.oidc) buttons.push({ id: "oidc", name: config.oidc.displayName });
  if (config.github) buttons.push({ id: "github", name: "GitHub" });
  return buttons;
}

/**
 * Why a production server must not start with this environment (empty when it may). Outside
 * production nothing is required: development and tests get a generated secret and the demo sign-in.
 */
export function productionStartProblems(env: Env = process.env): string[] {
  if (!isProduction(env)) return [];
  const config = readSignInConfig(env);
  const problems: string[] = [];
  // The demo keeps its generated secret (.data/auth-secret): anyone may sign in as anyone there anyway.
  if (!env.NEXTAUTH_SECRET && !env.AUTH_SECRET && !config.demo) {
    problems.push("NEXTAUTH_SECRET is not set. It signs and encrypts sessions; generate one with `openssl rand -base64 32`.");
  }
  for (const entry of config.incomplete) problems.push(`Sign-in is configured only in part: ${entry}.`);
  if (!config.oidc && !config.github && !config.demo) {
    problems.push(
      "No sign-in method is configured. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (OpenID Connect), " +
        "or GITHUB_ID and GITHUB_SECRET (GitHub), or DEMO_SIGN_IN=true for a demo.",
    );
  }
  if ((config.oidc || config.github) && !env.NEXTAUTH_URL) {
    problems.push("NEXTAUTH_URL is not set. Identity providers redirect back to it: set the app's public URL, e.g. https://feedback.example.com.");
  }
  return problems;
}
