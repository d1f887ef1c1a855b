import Link from "next/link";

// Next's built-in 404 styles itself with inline style attributes, which the CSP (proxy.ts) refuses.
export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-6 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted-foreground">There is nothing at this address.</p>
      <Link className="font-medium text-primary underline underline-offset-4" href="/">
        Go to the home page
      </Link>
    </main>
  );
}
