import { revokePersonalAccessToken as endpoint } from "@/lib/api/access-token-endpoints";
import { revokePersonalAccessToken } from "@/server/auth/personal-access-tokens";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const DELETE = defineRoute(endpoint, async ({ db, actor, params }) => {
  await revokePersonalAccessToken({ db, actor }, params.id);
  return { status: 204 };
});

export const OPTIONS = corsPreflight(endpoint);
