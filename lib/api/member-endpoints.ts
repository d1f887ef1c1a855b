// The members API for admins (SPEC §5, issue #11): list, add by email, change roles, remove.
import { defineEndpoint } from "./endpoint";
import { AddMemberBodySchema, MemberIdParamsSchema, MemberListSchema, MemberSchema, UpdateMemberBodySchema } from "./member-schemas";

const TAG = "Members";
const BOUND = "within 30 seconds on every instance (at once on the one that answered)";

export const listMembers = defineEndpoint({
  id: "listMembers",
  method: "GET",
  path: "/api/admin/members",
  tag: TAG,
  summary: "The organization's members",
  auth: "admin",
  responses: { 200: { description: "Every member, by email", schema: MemberListSchema } },
});

export const addMember = defineEndpoint({
  id: "addMember",
  method: "POST",
  path: "/api/admin/members",
  tag: TAG,
  summary: "Add someone by email with a role",
  description: "Whoever signs in with the email (verified by their identity provider) joins with the role. Someone already a member is a 409 `member_exists`.",
  auth: "admin",
  body: AddMemberBodySchema,
  responses: { 201: { description: "The new member", schema: MemberSchema } },
  errors: ["member_exists"],
});

export const updateMember = defineEndpoint({
  id: "updateMember",
  method: "PATCH",
  path: "/api/admin/members/{id}",
  tag: TAG,
  summary: "Change a member's role",
  description: `The member's sessions act with the new role ${BOUND}. Demoting the organization's last admin is a 409 \`last_admin\`.`,
  auth: "admin",
  params: MemberIdParamsSchema,
  body: UpdateMemberBodySchema,
  responses: { 200: { description: "The member with the new role", schema: MemberSchema } },
  errors: ["not_found", "last_admin"],
});

export const removeMember = defineEndpoint({
  id: "removeMember",
  method: "DELETE",
  path: "/api/admin/members/{id}",
  tag: TAG,
  summary: "Remove a member",
  description: `Their sessions end ${BOUND}. Removing the organization's last admin is a 409 \`last_admin\`.`,
  auth: "admin",
  params: MemberIdParamsSchema,
  responses: { 204: { description: "Removed" } },
  errors: ["not_found", "last_admin"],
});

export const memberEndpoints = [listMembers, addMember, updateMember, removeMember];
