import { bulkReview as endpoint } from "@/lib/api/admin-endpoints";
import { bulkReview } from "@/server/admin/review-service";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(endpoint, async ({ db, actor, body }) => ({ body: await bulkReview({ db, actor }, body) }));
