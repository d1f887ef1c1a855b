import Link from "next/link";
import { hasRole } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/current-actor";
import { AccessTokensLink } from "@/components/account/access-tokens-link";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const dynamic = "force-dynamic";

// Only pages that exist: the smoke test opens every one of them.
const ADMIN_LINK = { href: "/admin", label: "Admin", description: "Work the feedback queue, curate and export golden examples, settings and the audit log." };
const LINKS = [
  {
    href: "/chat",
    label: "Chat demo",
    description: "A chat with a streaming assistant and the feedback buttons under every answer; your votes go to the review queue.",
  },
  { href: "/api-docs", label: "API reference", description: "The HTTP API, generated from the same schemas the handlers validate with." },
  { href: "/api/openapi.json", label: "OpenAPI document", description: "The machine-readable description of the API (OpenAPI 3.1)." },
];

export default async function HomePage() {
  const actor = await getCurrentActor();
  // Members never see the review app's entry point.
  const links = actor && hasRole(actor, "reviewer") ? [ADMIN_LINK, ...LINKS] : LINKS;
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-6 py-16">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">Feedback Kit</h1>
        <p className="text-muted-foreground">
          Drop-in thumbs up / thumbs down buttons for assistant messages, an API that applies your
          auto-approval rules, and a review app that turns the best and the corrected answers into
          golden examples for improving your model.
        </p>
      </header>

      <section aria-label="Session" className="rounded-lg border border-border p-4">
        {actor ? (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p>
              Signed in as <strong data-testid="signed-in-user">{actor.name ?? actor.email}</strong>{" "}
              <span className="text-muted-foreground">
                ({actor.email}, {actor.role})
              </span>
            </p>
            <div className="flex items-center gap-3">
              <AccessTokensLink />
              <SignOutButton />
            </div>
          </div>
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p>You are not signed in.</p>
            <Link className="font-medium text-primary underline underline-offset-4" href="/sign-in">
              Sign in
            </Link>
          </div>
        )}
      </section>

      <nav aria-label="Sections">
        <ul className="grid gap-4 sm:grid-cols-2">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="block h-full rounded-lg border border-border p-4 hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="font-medium">{link.label}</span>
                <span className="mt-1 block text-sm text-muted-foreground">{link.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
