import { revokeApiKey as endpoint } from "@/lib/api/access-token-endpoints";
import { revokeApiKey } from "@/server/auth/api-key-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const DELETE = defineRoute(endpoint, async ({ db, actor, params }) => {
  await revokeApiKey({ db, actor }, params.id);
  return { status: 204 };
});

export const OPTIONS = corsPreflight(endpoint);
