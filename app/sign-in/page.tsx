import type { Metadata } from "next";
import { DemoSignIn } from "@/components/auth/demo-sign-in";
import { ProviderSignInButtons } from "@/components/auth/provider-sign-in-buttons";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { listDemoUsers } from "@/server/auth/demo-users";
import { oauthSignInButtons, readSignInConfig } from "@/server/auth/sign-in-config";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: an absolute callback URL would be an open redirect.
  const safeCallback = typeof callbackUrl === "string" && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  const config = readSignInConfig();
  const providers = oauthSignInButtons(config);
  const users = config.demo ? await listDemoUsers() : [];
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-6 py-16">
      <h1 className="text-2xl font-semibold">Sign in to Feedback Kit</h1>
      {typeof error === "string" ? (
        <p role="alert" className="rounded-md border border-negative px-4 py-3 text-negative">
          {signInErrorMessage(error)}
        </p>
      ) : null}
      {providers.length > 0 ? <ProviderSignInButtons providers={providers} callbackUrl={safeCallback} /> : null}
      {config.demo ? (
        <section aria-labelledby="demo-heading" className="flex flex-col gap-3">
          <h2 id="demo-heading" className="text-lg font-medium">
            Demo sign-in
          </h2>
          <p className="text-sm text-muted-foreground">Pick one of the seeded users. Anyone can sign in as anyone here, so production servers have this off.</p>
          <DemoSignIn users={users} callbackUrl={safeCallback} />
        </section>
      ) : null}
    </main>
  );
}
