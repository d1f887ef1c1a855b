import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { fieldClasses } from "./input";

/** A styled native `<select>`: the platform's own keyboard and screen-reader behaviour, and no portal. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return <select data-slot="native-select" className={cn(fieldClasses, "h-9 pr-8", className)} {...props} />;
}
