import type { Metadata } from "next";
import { ProviderSignInButtons } from "@/components/auth/provider-sign-in-buttons";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getAuthSecret } from "@/server/auth/auth-secret";
import { decodeRefusalNotice, type RefusalNotice } from "@/server/auth/refusal-notice";
import { oauthSignInButtons, readSignInConfig } from "@/server/auth/sign-in-config";

export const metadata: Metadata = { title: "No access" };
export const dynamic = "force-dynamic";

function explanation(notice: RefusalNotice | null) {
  const email = notice?.email ? <strong data-testid="refused-email">{notice.email}</strong> : null;
  switch (notice?.reason) {
    case "not_invited":
      return <>You signed in as {email}, but that email is not a member of any organization here. Feedback Kit is invite-only.</>;
    case "email_unverified":
      return <>Your identity provider has not verified {email}, so it cannot be matched to an invitation.</>;
    case "email_missing":
      return <>Your identity provider did not share an email address, so your account cannot be matched to an invitation.</>;
    default:
      return <>The account you signed in with is not a member of any organization here. Feedback Kit is invite-only.</>;
  }
}

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { notice: token } = await searchParams;
  const notice = await decodeRefusalNotice(typeof token === "string" ? token : undefined, getAuthSecret());
  const providers = oauthSignInButtons(readSignInConfig());
  const invitee = notice?.email && notice.reason !== "email_missing" ? notice.email : "the email address you sign in with";
  return (
    <main className="mx-auto flex max-w-lg flex-col gap-6 px-6 py-16">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to Feedback Kit</h1>
      <p>{explanation(notice)}</p>
      <section aria-labelledby="get-access-heading" className="flex flex-col gap-2">
        <h2 id="get-access-heading" className="text-lg font-medium">
          How to get access
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          {notice?.reason === "email_unverified" ? <li>Verify {notice.email} with your identity provider.</li> : null}
          <li>Ask an admin of your organization in Feedback Kit to add {invitee} as a member.</li>
          <li>Sign in again, or sign in with another account that is already a member.</li>
        </ol>
      </section>
      <div className="flex flex-col gap-3">
        {providers.length > 0 ? (
          <ProviderSignInButtons providers={providers} callbackUrl="/" purpose="switch-account" />
        ) : null}
        <SignOutButton />
      </div>
    </main>
  );
}
