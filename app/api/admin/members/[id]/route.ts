import { removeMember as removeEndpoint, updateMember as updateEndpoint } from "@/lib/api/member-endpoints";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";
import { removeMember, updateMemberRole } from "@/server/members/member-service";

export const PATCH = defineRoute(updateEndpoint, async ({ db, actor, params, body }) => ({ body: await updateMemberRole({ db, actor }, params.id, body.role) }));

export const DELETE = defineRoute(removeEndpoint, async ({ db, actor, params }) => {
  await removeMember({ db, actor }, params.id);
  return { status: 204 };
});

export const OPTIONS = corsPreflight(updateEndpoint, removeEndpoint);
