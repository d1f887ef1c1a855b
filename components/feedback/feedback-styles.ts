import { cva } from "class-variance-authority";

// Design tokens only (app/globals.css, or the host's): a host re-themes the kit by overriding the
// CSS variables, light and dark alike. The two the kit adds to shadcn's set are read as plain
// variables (text-(--color-positive)), so a host needs no @theme entry for them. No tailwind-merge: it would cost most of the size budget,
// and `className` is for layout (margins, alignment), not for restyling the parts.
const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export const thumbVariants = cva(
  `inline-flex size-8 shrink-0 items-center justify-center rounded-md border border-transparent text-muted-foreground hover:bg-muted hover:text-foreground aria-pressed:border-current aria-pressed:bg-muted disabled:pointer-events-none disabled:opacity-50 motion-safe:transition-colors ${focusRing}`,
  {
    variants: {
      type: {
        positive: "aria-pressed:text-(--color-positive) aria-pressed:hover:text-(--color-positive)",
        negative: "aria-pressed:text-(--color-negative) aria-pressed:hover:text-(--color-negative)",
      },
    },
  },
);

export const actionVariants = cva(
  `inline-flex min-h-8 items-center justify-center gap-1 rounded-md px-3 text-sm font-medium disabled:pointer-events-none disabled:opacity-50 motion-safe:transition-colors ${focusRing}`,
  {
    variants: {
      variant: {
        primary: "bg-primary text-primary-foreground hover:opacity-90",
        ghost: "text-foreground hover:bg-muted",
        subtle: "px-2 font-normal text-muted-foreground underline-offset-4 hover:text-foreground hover:underline",
      },
    },
    defaultVariants: { variant: "ghost" },
  },
);

export const chipClasses = `inline-flex min-h-8 items-center gap-1 rounded-full border border-border px-3 text-sm text-foreground hover:bg-muted aria-pressed:border-primary aria-pressed:bg-primary aria-pressed:text-primary-foreground aria-pressed:hover:bg-primary motion-safe:transition-colors ${focusRing}`;

export const errorTextClasses = "text-(--color-negative)";
