import type { ReactNode } from "react";

/** A failure the user should read now: announced by screen readers, shown in the negative colour. */
export function ErrorText({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" data-slot="error-text" className="text-negative">
      {children}
    </p>
  );
}
