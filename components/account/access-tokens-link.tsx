import Link from "next/link";
import { KeyRoundIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import { buttonVariants } from "@/components/ui/button";

/** The signed-in user's way to their personal access tokens, next to "Sign out" in every header. */
export function AccessTokensLink({ className }: { className?: string }) {
  return (
    <Link href="/account/tokens" data-slot="access-tokens-link" className={cn(buttonVariants({ variant: "ghost", size: "sm" }), className)}>
      <KeyRoundIcon aria-hidden /> Access tokens
    </Link>
  );
}
