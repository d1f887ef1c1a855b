"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { useHydrated } from "@/components/ui/use-hydrated";

export interface ProviderOption {
  id: string;
  name: string;
}

export interface ProviderSignInButtonsProps {
  providers: ProviderOption[];
  callbackUrl: string;
  /**
   * "switch-account" (after a refused sign-in) asks the provider to show its sign-in again
   * (`prompt=login`) instead of reusing the account it just signed in.
   */
  purpose?: "sign-in" | "switch-account";
}

/**
 * One button per identity provider. next-auth v4 starts a redirect sign-in only from a POST with
 * its CSRF token, which signIn() sends; a plain link would land back on the sign-in page.
 */
export function ProviderSignInButtons({ providers, callbackUrl, purpose = "sign-in" }: ProviderSignInButtonsProps) {
  // A click before hydration would do nothing (signIn runs in React), so the buttons wait for it.
  const hydrated = useHydrated();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(provider: ProviderOption) {
    setPending(provider.id);
    setError(null);
    try {
      // Navigates to the provider on success; only a failed request comes back here.
      await signIn(provider.id, { callbackUrl }, purpose === "switch-account" ? { prompt: "login" } : undefined);
    } catch {
      setPending(null);
      setError(`Could not reach the sign-in service for ${provider.name}. Check your connection and try again.`);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {providers.map((provider) => (
        <Button key={provider.id} disabled={!hydrated || pending !== null} aria-busy={pending === provider.id} onClick={() => start(provider)}>
          {purpose === "switch-account" ? `Sign in with another ${provider.name} account` : `Continue with ${provider.name}`}
        </Button>
      ))}
      <ErrorText>{error}</ErrorText>
    </div>
  );
}
