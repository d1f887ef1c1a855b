import { listAuditLog as endpoint } from "@/lib/api/admin-endpoints";
import { listAuditLog } from "@/server/audit/audit-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(endpoint, async ({ db, actor, query }) => ({ body: await listAuditLog({ db, actor }, query) }));

export const OPTIONS = corsPreflight(endpoint);
