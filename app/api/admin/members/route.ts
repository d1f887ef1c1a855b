import { addMember as addEndpoint, listMembers as listEndpoint } from "@/lib/api/member-endpoints";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";
import { addMember, listMembers } from "@/server/members/member-service";

export const GET = defineRoute(listEndpoint, async ({ db, actor }) => ({ body: { items: await listMembers({ db, actor }) } }));

export const POST = defineRoute(addEndpoint, async ({ db, actor, body }) => ({ status: 201, body: await addMember({ db, actor }, body) }));

export const OPTIONS = corsPreflight(listEndpoint, addEndpoint);
