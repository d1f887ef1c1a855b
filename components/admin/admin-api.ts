// The admin app's API client (same origin, session cookie) and its query keys.
import { createAdminClient, type GoldenExampleQuery, type QueueQuery } from "@/lib/api/admin-client";
import { createMemberClient } from "@/lib/api/member-client";

export const adminApi = createAdminClient();
export const memberApi = createMemberClient();

export const adminKeys = {
  all: ["admin"] as const,
  queues: () => [...adminKeys.all, "queue"] as const,
  queue: (query: QueueQuery) => [...adminKeys.queues(), query] as const,
  stats: () => [...adminKeys.all, "stats"] as const,
  item: (id: string) => [...adminKeys.all, "item", id] as const,
  settings: () => [...adminKeys.all, "settings"] as const,
  goldenExamples: () => [...adminKeys.all, "golden-examples"] as const,
  goldenExampleList: (query: GoldenExampleQuery) => [...adminKeys.goldenExamples(), query] as const,
  members: () => [...adminKeys.all, "members"] as const,
};
