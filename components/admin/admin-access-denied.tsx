import Link from "next/link";
import { ShieldAlertIcon } from "lucide-react";

/** What a member sees on an admin page: why not, and where to go instead. */
export function AdminAccessDenied({ email, role }: { email: string; role: string }) {
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-6 py-16">
      <ShieldAlertIcon className="size-8 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-semibold">The review app is for reviewers and admins</h1>
      <p className="text-muted-foreground">
        You are signed in as <strong className="text-foreground">{email}</strong> with the <strong className="text-foreground">{role}</strong> role. Ask an admin of
        your organization for the reviewer role to work the feedback queue.
      </p>
      <Link href="/" className="font-medium text-primary underline underline-offset-4">
        Back to the home page
      </Link>
    </main>
  );
}
