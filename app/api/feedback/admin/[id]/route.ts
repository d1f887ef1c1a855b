import { deleteReviewItem as deleteEndpoint, getReviewItem as getEndpoint } from "@/lib/api/admin-endpoints";
import { deleteReviewItem, getReviewItem } from "@/server/admin/review-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(getEndpoint, async ({ db, actor, params }) => ({ body: await getReviewItem({ db, actor }, params.id) }));

export const DELETE = defineRoute(deleteEndpoint, async ({ db, actor, params, query }) => {
  await deleteReviewItem({ db, actor }, params.id, query);
  return { status: 204 };
});

export const OPTIONS = corsPreflight(getEndpoint, deleteEndpoint);
