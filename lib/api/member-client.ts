// The members page's typed client (same origin, session cookie). Contracts are imported as types
// only, so zod stays out of the browser bundle, and a contract change fails to compile here.
import type { Member, MemberList } from "./member-schemas";
import type * as members from "./member-endpoints";
import { createJsonRequest, type BodyOf, type JsonRequestOptions, type RouteOf as Route } from "./json-request";

const ROUTES = {
  list: { method: "GET", path: "/api/admin/members" },
  add: { method: "POST", path: "/api/admin/members" },
  update: { method: "PATCH", path: "/api/admin/members/{id}" },
  remove: { method: "DELETE", path: "/api/admin/members/{id}" },
} as const satisfies {
  list: Route<typeof members.listMembers>;
  add: Route<typeof members.addMember>;
  update: Route<typeof members.updateMember>;
  remove: Route<typeof members.removeMember>;
};

export type AddMemberInput = BodyOf<typeof members.addMember>;
export type UpdateMemberInput = BodyOf<typeof members.updateMember>;

export interface MemberClient {
  list(): Promise<MemberList>;
  add(body: AddMemberInput): Promise<Member>;
  update(id: string, body: UpdateMemberInput): Promise<Member>;
  remove(id: string): Promise<void>;
}

export function createMemberClient(options: JsonRequestOptions = {}): MemberClient {
  const request = createJsonRequest(options);
  return {
    list: () => request(ROUTES.list),
    add: (body) => request(ROUTES.add, { body }),
    update: (id, body) => request(ROUTES.update, { params: { id }, body }),
    remove: (id) => request(ROUTES.remove, { params: { id } }),
  };
}
