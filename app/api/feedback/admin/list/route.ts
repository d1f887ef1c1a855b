import { listReviewQueue as endpoint } from "@/lib/api/admin-endpoints";
import { listReviewQueue } from "@/server/admin/review-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(endpoint, async ({ db, actor, query }) => ({ body: await listReviewQueue({ db, actor }, query) }));

export const OPTIONS = corsPreflight(endpoint);
