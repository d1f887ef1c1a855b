/** Shown on every page while the demo sign-in is on, so nobody mistakes the demo for a real deployment. */
export function DemoNotice() {
  return (
    <aside aria-label="Demo notice" className="border-b border-notice-border bg-notice px-6 py-2 text-center text-sm text-notice-foreground">
      <strong className="font-semibold">Demo.</strong> The demo sign-in is on: anyone can sign in as any seeded user. Don&apos;t enter real data.
    </aside>
  );
}
