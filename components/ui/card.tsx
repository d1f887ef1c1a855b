import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section data-slot="card" className={cn("flex flex-col gap-3 rounded-lg border border-border bg-background p-4", className)} {...props} />;
}
