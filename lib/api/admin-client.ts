// The admin app's typed client for the review and golden-example API. Like the kit's client it
// imports the contracts as types only, so zod stays out of the browser bundle, and TypeScript
// fails here when a contract's method or path changes.
import type { z } from "zod";
import type * as review from "./admin-endpoints";
import type {
  AdminFeedbackDetail,
  AdminFeedbackItem,
  BulkReviewResult,
  FeedbackQueue,
  FeedbackSettings,
  FeedbackStats,
  GeneratedResponse,
  GoldenExample,
  GoldenExampleList,
} from "./admin-schemas";
import type { Endpoint } from "./endpoint";
import type * as golden from "./golden-example-endpoints";
import { createJsonRequest, queryString, type BodyOf, type JsonRequestOptions, type RouteOf as Route } from "./json-request";
/** Query parameters as the URL carries them: strings. */
type QueryOf<E extends Endpoint> = E extends Endpoint<z.ZodType, infer Query> ? { [K in keyof z.input<Query>]?: string } : never;

const ROUTES = {
  queue: { method: "GET", path: "/api/feedback/admin/list" },
  stats: { method: "GET", path: "/api/feedback/admin/stats" },
  item: { method: "GET", path: "/api/feedback/admin/{id}" },
  resolve: { method: "POST", path: "/api/feedback/admin/{id}/resolve" },
  dismiss: { method: "POST", path: "/api/feedback/admin/{id}/dismiss" },
  restore: { method: "POST", path: "/api/feedback/admin/{id}/restore" },
  remove: { method: "DELETE", path: "/api/feedback/admin/{id}" },
  draftCorrection: { method: "POST", path: "/api/feedback/admin/{id}/generate-response" },
  bulk: { method: "POST", path: "/api/feedback/admin/bulk" },
  settings: { method: "GET", path: "/api/feedback/admin/settings" },
  updateSettings: { method: "PUT", path: "/api/feedback/admin/settings" },
  goldenList: { method: "GET", path: "/api/feedback/golden-examples" },
  goldenCreate: { method: "POST", path: "/api/feedback/golden-examples" },
  goldenExport: { method: "GET", path: "/api/feedback/golden-examples/export" },
  goldenUpdate: { method: "PUT", path: "/api/feedback/golden-examples/{id}" },
  goldenDelete: { method: "DELETE", path: "/api/feedback/golden-examples/{id}" },
} as const satisfies {
  queue: Route<typeof review.listReviewQueue>;
  stats: Route<typeof review.getReviewStats>;
  item: Route<typeof review.getReviewItem>;
  resolve: Route<typeof review.resolveFeedback>;
  dismiss: Route<typeof review.dismissFeedback>;
  restore: Route<typeof review.restoreFeedback>;
  remove: Route<typeof review.deleteReviewItem>;
  draftCorrection: Route<typeof review.generateCorrectedResponse>;
  bulk: Route<typeof review.bulkReview>;
  settings: Route<typeof review.getReviewSettings>;
  updateSettings: Route<typeof review.updateReviewSettings>;
  goldenList: Route<typeof golden.listGoldenExamples>;
  goldenCreate: Route<typeof golden.createGoldenExample>;
  goldenExport: Route<typeof golden.exportGoldenExamples>;
  goldenUpdate: Route<typeof golden.updateGoldenExample>;
  goldenDelete: Route<typeof golden.deleteGoldenExample>;
};

export type QueueQuery = QueryOf<typeof review.listReviewQueue>;
export type GoldenExampleQuery = QueryOf<typeof golden.listGoldenExamples>;
export type GoldenExportQuery = QueryOf<typeof golden.exportGoldenExamples>;
export type ResolveInput = BodyOf<typeof review.resolveFeedback>;
export type DismissInput = BodyOf<typeof review.dismissFeedback>;
export type RestoreInput = BodyOf<typeof review.restoreFeedback>;
export type BulkInput = BodyOf<typeof review.bulkReview>;
export type SettingsUpdate = BodyOf<typeof review.updateReviewSettings>;
export type GoldenExampleInput = BodyOf<typeof golden.createGoldenExample>;
export type GoldenExampleUpdate = BodyOf<typeof golden.updateGoldenExample>;

/** `keepalive` sends a review action even while the page closes (the undo window's flush). */
type SendOptions = { keepalive?: boolean };

export interface AdminClient {
  listQueue(query: QueueQuery): Promise<FeedbackQueue>;
  getStats(): Promise<FeedbackStats>;
  getItem(id: string): Promise<AdminFeedbackDetail>;
  resolve(id: string, body: ResolveInput, options?: SendOptions): Promise<AdminFeedbackItem>;
  dismiss(id: string, body: DismissInput, options?: SendOptions): Promise<AdminFeedbackItem>;
  restore(id: string, body: RestoreInput, options?: SendOptions): Promise<AdminFeedbackItem>;
  deleteItem(id: string, expectedUpdatedAt?: string): Promise<void>;
  /** The responder's corrected answer for the item (stores nothing). */
  draftCorrection(id: string): Promise<GeneratedResponse>;
  bulk(body: BulkInput, options?: SendOptions): Promise<BulkReviewResult>;
  getSettings(): Promise<FeedbackSettings>;
  updateSettings(body: SettingsUpdate): Promise<FeedbackSettings>;
  listGoldenExamples(query: GoldenExampleQuery): Promise<GoldenExampleList>;
  createGoldenExample(body: GoldenExampleInput): Promise<GoldenExample>;
  updateGoldenExample(id: string, body: GoldenExampleUpdate): Promise<GoldenExample>;
  deleteGoldenExample(id: string): Promise<void>;
}

export function createAdminClient(options: JsonRequestOptions = {}): AdminClient {
  const request = createJsonRequest(options);
  return {
    listQueue: (query) => request(ROUTES.queue, { query }),
    getStats: () => request(ROUTES.stats),
    getItem: (id) => request(ROUTES.item, { params: { id } }),
    resolve: (id, body, send) => request(ROUTES.resolve, { params: { id }, body, keepalive: send?.keepalive }),
    dismiss: (id, body, send) => request(ROUTES.dismiss, { params: { id }, body, keepalive: send?.keepalive }),
    restore: (id, body, send) => request(ROUTES.restore, { params: { id }, body, keepalive: send?.keepalive }),
    deleteItem: (id, expectedUpdatedAt) => request(ROUTES.remove, { params: { id }, query: { expected_updated_at: expectedUpdatedAt } }),
    draftCorrection: (id) => request(ROUTES.draftCorrection, { params: { id } }),
    bulk: (body, send) => request(ROUTES.bulk, { body, keepalive: send?.keepalive }),
    getSettings: () => request(ROUTES.settings),
    updateSettings: (body) => request(ROUTES.updateSettings, { body }),
    listGoldenExamples: (query) => request(ROUTES.goldenList, { query }),
    createGoldenExample: (body) => request(ROUTES.goldenCreate, { body }),
    updateGoldenExample: (id, body) => request(ROUTES.goldenUpdate, { params: { id }, body }),
    deleteGoldenExample: (id) => request(ROUTES.goldenDelete, { params: { id } }),
  };
}

/** The export's download URL for the given filters (a plain link: the browser streams the file). */
export function goldenExportUrl(query: GoldenExportQuery): string {
  return `${ROUTES.goldenExport.path}${queryString(query)}`;
}
