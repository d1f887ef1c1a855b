// Schemas of the members API (SPEC §5, issue #11): who belongs to the organization, with which role.
// Safe in the browser, like lib/api/schemas.ts.
import { z } from "zod";
import { idSchema } from "./schemas";

export const MEMBER_ROLES = ["member", "reviewer", "admin"] as const;

export const MemberRoleSchema = z
  .enum(MEMBER_ROLES, { message: "must be one of member, reviewer, admin" })
  .describe("member rates answers; reviewer also works the queue and golden examples; admin also settings and members")
  .meta({ id: "MemberRole" });

export const MemberSchema = z
  .object({
    id: z.string().describe("The membership's id"),
    user_id: z.string(),
    email: z.string(),
    name: z.string().nullable().describe("From the identity provider; null until they first sign in"),
    role: MemberRoleSchema,
    joined_at: z.string().describe("When they were added (ISO-8601)"),
  })
  .meta({ id: "Member" });

export const MemberListSchema = z.object({ items: z.array(MemberSchema).describe("Every member, by email") }).meta({ id: "MemberList" });

export const AddMemberBodySchema = z
  .object({
    email: z
      .string({ message: "must be an email address" })
      .trim()
      .max(320, "must be at most 320 characters")
      .pipe(z.email("must be an email address"))
      .transform((email) => email.toLowerCase())
      .describe("Whoever signs in with this (verified) email joins with the role"),
    role: MemberRoleSchema,
  })
  .meta({ id: "AddMemberRequest" });

export const UpdateMemberBodySchema = z.object({ role: MemberRoleSchema }).meta({ id: "UpdateMemberRequest" });

export const MemberIdParamsSchema = z.object({ id: idSchema.describe("The membership's id") });

export type Member = z.infer<typeof MemberSchema>;
export type MemberRole = z.infer<typeof MemberRoleSchema>;
export type AddMemberBody = z.infer<typeof AddMemberBodySchema>;
export type MemberList = z.infer<typeof MemberListSchema>;
