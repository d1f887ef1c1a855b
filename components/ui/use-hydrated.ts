"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False while the server renders and the browser hydrates, true once React runs in the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
