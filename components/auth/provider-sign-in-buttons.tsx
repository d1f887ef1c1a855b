"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export interface ProviderOption {
  id: string;
  name: string;
}

export interface ProviderSignInButtonsProps {
  providers: ProviderOption[];
  callbackUrl: string;
  /** Sent to the identity provider, e.g. `{ prompt: "login" }` to let someone pick another account. */
  authorizationParams?: Record<string, string>;
  label?: (provider: ProviderOption) => string;
}

/**
 * One button per identity provider. next-auth v4 starts a redirect sign-in only from a POST with
 * its CSRF token, which signIn() sends; a plain link would land back on the sign-in page.
 */
export function ProviderSignInButtons({
  providers,
  callbackUrl,
  authorizationParams,
  label = (provider) => `Continue with ${provider.name}`,
}: ProviderSignInButtonsProps) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(provider: ProviderOption) {
    setPending(provider.id);
    setError(null);
    try {
      // Navigates to the provider on success; only a failed request comes back here.
      await signIn(provider.id, { callbackUrl }, authorizationParams);
    } catch {
      setPending(null);
      setError(`Could not reach the sign-in service for ${provider.name}. Check your connection and try again.`);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {providers.map((provider) => (
        <Button key={provider.id} disabled={pending !== null} aria-busy={pending === provider.id} onClick={() => start(provider)}>
          {label(provider)}
        </Button>
      ))}
      {error ? (
        <p role="alert" className="text-negative">
          {error}
        </p>
      ) : null}
    </div>
  );
}
