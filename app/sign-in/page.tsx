import type { Metadata } from "next";
import { DemoSignIn } from "@/components/auth/demo-sign-in";
import { isDemoSignInEnabled } from "@/server/auth/auth-secret";
import { listDemoUsers } from "@/server/auth/demo-users";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an absolute callback URL would be an open redirect.
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  const demoEnabled = isDemoSignInEnabled();
  const users = demoEnabled ? await listDemoUsers() : [];
  const ssoEnabled = Boolean(process.env.OIDC_ISSUER);
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-6 py-16">
      <h1 className="text-2xl font-semibold">Sign in to Feedback Kit</h1>
      {ssoEnabled ? (
        <a
          className="rounded-md bg-primary px-4 py-2 text-center font-medium text-primary-foreground"
          href={`/api/auth/signin/oidc?callbackUrl=${encodeURIComponent(safeCallback)}`}
        >
          Continue with {process.env.OIDC_DISPLAY_NAME ?? "single sign-on"}
        </a>
      ) : null}
      {demoEnabled ? (
        <section aria-labelledby="demo-heading" className="flex flex-col gap-3">
          <h2 id="demo-heading" className="text-lg font-medium">
            Demo sign-in
          </h2>
          <p className="text-sm text-muted-foreground">Pick one of the seeded users. Disabled in production.</p>
          <DemoSignIn users={users} callbackUrl={safeCallback} />
        </section>
      ) : null}
      {!demoEnabled && !ssoEnabled ? (
        <p role="alert">No sign-in method is configured. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.</p>
      ) : null}
    </main>
  );
}
