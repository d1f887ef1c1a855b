/** Preformatted code; focusable so keyboard users can scroll long lines. */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className="overflow-x-auto rounded-md border border-border bg-muted p-4 font-mono text-sm focus-visible:outline-2 focus-visible:outline-ring"
    >
      <code>{code}</code>
    </pre>
  );
}
