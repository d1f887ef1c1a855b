import "server-only";
import type { UserActor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import type { FeedbackServiceContext } from "./feedback-service";
import type { FeedbackStore } from "./feedback-store";
import { PrismaFeedbackStore } from "./prisma-feedback-store";

const stores = new WeakMap<Db, FeedbackStore>();

/** The feedback store for a database client (one per client, reused across requests). */
export function feedbackStoreFor(db: Db): FeedbackStore {
  let store = stores.get(db);
  if (!store) {
    store = new PrismaFeedbackStore(db);
    stores.set(db, store);
  }
  return store;
}

export function feedbackContext(db: Db, actor: UserActor): FeedbackServiceContext {
  return { store: feedbackStoreFor(db), actor };
}
