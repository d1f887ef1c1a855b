"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { useHydrated } from "@/components/ui/use-hydrated";
import { RATE_LIMITED_SIGN_IN, signInErrorMessage } from "@/lib/auth/sign-in-errors";

export interface DemoUserOption {
  email: string;
  name: string | null;
  role: string;
  organizationName: string;
}

export function DemoSignIn({ users, callbackUrl }: { users: DemoUserOption[]; callbackUrl: string }) {
  // A click before hydration would do nothing (signIn runs in React), so the buttons wait for it.
  const hydrated = useHydrated();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function signInAs(email: string) {
    setPending(email);
    setError(null);
    const result = await signIn("demo", { email, callbackUrl, redirect: false });
    if (result?.ok && result.url) {
      window.location.assign(result.url);
      return;
    }
    setPending(null);
    setError(result?.status === 429 ? signInErrorMessage(RATE_LIMITED_SIGN_IN) : `Could not sign in as ${email}.`);
  }

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-2">
        {users.map((user) => (
          <li key={user.email}>
            <Button
              variant="secondary"
              className="w-full justify-between"
              disabled={!hydrated || pending !== null}
              onClick={() => signInAs(user.email)}
            >
              <span>Sign in as {user.name ?? user.email}</span>
              <span className="text-muted-foreground">
                {user.role} · {user.organizationName}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      <ErrorText>{error}</ErrorText>
    </div>
  );
}
