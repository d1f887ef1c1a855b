import { Skeleton } from "@/components/ui/skeleton";

export default function AdminLoading() {
  return (
    <main id="main" className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading…
      </p>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-64 w-full" />
    </main>
  );
}
