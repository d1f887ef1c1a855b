import { getDailyReviewStats as endpoint } from "@/lib/api/admin-endpoints";
import { getDailyStats } from "@/server/admin/stats-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(endpoint, async ({ db, actor, query }) => ({ body: await getDailyStats({ db, actor }, query) }));

export const OPTIONS = corsPreflight(endpoint);
