import { listReviewQueue as endpoint } from "@/lib/api/admin-endpoints";
import { listReviewQueue } from "@/server/admin/review-service";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(endpoint, async ({ db, actor, query }) => ({ body: await listReviewQueue({ db, actor }, query) }));
