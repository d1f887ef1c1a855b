import "server-only";
import type { UserActor } from "@/server/auth/actor";
import { getDatabaseConfig, type Db } from "@/server/db/client";
import type { FeedbackServiceContext } from "./feedback-service";
import type { FeedbackStore } from "./feedback-store";
import { PrismaFeedbackStore } from "./prisma-feedback-store";
import { SqliteFeedbackStore } from "./sqlite-feedback-store";

const stores = new WeakMap<Db, FeedbackStore>();

/**
 * The feedback store for a database client (one per client, reused across requests): raw
 * prepared statements on the embedded SQLite database, Prisma on PostgreSQL.
 */
export function feedbackStoreFor(db: Db): FeedbackStore {
  let store = stores.get(db);
  if (!store) {
    const { sqliteFile } = getDatabaseConfig(db);
    store = sqliteFile ? new SqliteFeedbackStore(sqliteFile) : new PrismaFeedbackStore(db);
    stores.set(db, store);
  }
  return store;
}

export function feedbackContext(db: Db, actor: UserActor): FeedbackServiceContext {
  return { store: feedbackStoreFor(db), actor };
}
