// The test run's database client (same code path as the app: server/db/client.ts).
import { getDb } from "@/server/db/client";

export const testDb = getDb;
