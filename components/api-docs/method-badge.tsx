import type { Endpoint } from "@/lib/api/endpoint";

// Colour only reinforces the method name, which is always spelled out; each pair meets WCAG AA in both themes.
const METHOD_CLASSES: Record<Endpoint["method"], string> = {
  GET: "bg-primary text-primary-foreground",
  POST: "bg-positive text-background",
  PUT: "bg-foreground text-background",
  PATCH: "bg-foreground text-background",
  DELETE: "bg-negative text-background",
};

export function MethodBadge({ method }: { method: Endpoint["method"] }) {
  return (
    <span className={`inline-block min-w-16 rounded px-2 py-0.5 text-center font-mono text-xs font-semibold ${METHOD_CLASSES[method]}`}>
      {method}
    </span>
  );
}
