// An in-memory members API for the members stories, served by MSW: validation is the server's zod
// schemas, and the 409s (member_exists, last_admin) follow the member service's rules.
import { delay, http, HttpResponse } from "msw";
import { AddMemberBodySchema, UpdateMemberBodySchema, type Member } from "@/lib/api/member-schemas";
import type { RecordedAdminCall } from "./mock-admin-api";

export const CURRENT_ADMIN_ID = "user-ada";

export function sampleMembers(): Member[] {
  return [
    { id: "m-ada", user_id: CURRENT_ADMIN_ID, email: "ada@acme.test", name: "Ada Admin", role: "admin", joined_at: "2026-09-01T08:00:00.000Z" },
    { id: "m-rey", user_id: "user-rey", email: "rey@acme.test", name: "Rey Reviewer", role: "reviewer", joined_at: "2026-10-12T14:30:00.000Z" },
    { id: "m-mo", user_id: "user-mo", email: "mo@acme.test", name: null, role: "member", joined_at: "2026-11-28T09:15:00.000Z" },
  ];
}

export interface MockMembersApiOptions {
  members?: () => Member[];
  latency?: number | "infinite";
  /** Status the list answers with instead of the data, e.g. 500. */
  failList?: number;
}

const error = (status: number, detail: string, code: string, extra: object = {}) => HttpResponse.json({ detail, code, ...extra }, { status });

function validationError(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const errors = issues.map((issue) => ({ location: "body", path: issue.path.join("."), message: `body.${issue.path.join(".")}: ${issue.message}` }));
  return error(400, errors.map((entry) => entry.message).join("; "), "validation_error", { errors });
}

export function mockMembersApi(options: MockMembersApiOptions = {}) {
  let members: Member[] = [];
  const calls: RecordedAdminCall[] = [];
  function reset() {
    members = (options.members ?? sampleMembers)();
    calls.length = 0;
  }
  reset();

  const wait = () => (options.latency === "infinite" ? delay("infinite") : delay(options.latency ?? 40));
  const record = (request: Request, body?: unknown) => calls.push({ method: request.method, path: new URL(request.url).pathname, body });
  const lastAdmin = (member: Member) => member.role === "admin" && members.filter((entry) => entry.role === "admin").length === 1;
  const lastAdminError = (member: Member) => error(409, `${member.email} is the organization's last admin; make someone else an admin first`, "last_admin");
  const byEmail = (a: Member, b: Member) => a.email.localeCompare(b.email);

  const handlers = [
    http.get("*/api/admin/members", async ({ request }) => {
      record(request);
      await wait();
      if (options.failList) return error(options.failList, "Internal server error", "internal_error");
      return HttpResponse.json({ items: [...members].sort(byEmail) });
    }),
    http.post("*/api/admin/members", async ({ request }) => {
      const body: unknown = await request.json();
      record(request, body);
      await wait();
      const parsed = AddMemberBodySchema.safeParse(body);
      if (!parsed.success) return validationError(parsed.error.issues);
      if (members.some((member) => member.email === parsed.data.email)) {
        return error(409, `${parsed.data.email} is already a member of this organization; change their role instead`, "member_exists");
      }
      const member: Member = { id: `m-${members.length + 1}`, user_id: `user-${members.length + 1}`, email: parsed.data.email, name: null, role: parsed.data.role, joined_at: new Date().toISOString() };
      members.push(member);
      return HttpResponse.json(member, { status: 201 });
    }),
    http.patch("*/api/admin/members/:id", async ({ request, params }) => {
      const body: unknown = await request.json();
      record(request, body);
      await wait();
      const member = members.find((entry) => entry.id === params.id);
      if (!member) return error(404, "Member not found", "not_found");
      const parsed = UpdateMemberBodySchema.safeParse(body);
      if (!parsed.success) return validationError(parsed.error.issues);
      if (parsed.data.role !== "admin" && lastAdmin(member)) return lastAdminError(member);
      member.role = parsed.data.role;
      return HttpResponse.json(member);
    }),
    http.delete("*/api/admin/members/:id", async ({ request, params }) => {
      record(request);
      await wait();
      const member = members.find((entry) => entry.id === params.id);
      if (!member) return error(404, "Member not found", "not_found");
      if (lastAdmin(member)) return lastAdminError(member);
      members = members.filter((entry) => entry !== member);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, calls, reset };
}
