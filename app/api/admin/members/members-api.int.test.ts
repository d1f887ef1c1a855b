// The members API (issue #11) and the session bound it relies on: exact statuses and bodies, the
// last-admin guard, the audit log, and sign-out, removal and role changes reaching live sessions.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MemberListSchema, MemberSchema } from "@/lib/api/member-schemas";
import { buildAuthOptions } from "@/server/auth/auth-options";
import { getAuthSecret, sessionCookieName } from "@/server/auth/auth-secret";
import { admitOAuthSignIn } from "@/server/auth/oauth-sign-in";
import { SESSION_CACHE_TTL_MS } from "@/server/auth/session-store";
import { decodeSessionToken } from "@/server/auth/session-token";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { createTestOrganization } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { GET as getConfig } from "../../feedback/config/route";
import { GET as list, POST as add } from "./route";
import { DELETE as remove, PATCH as update } from "./[id]/route";

const db = getDb();
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function orgWithCookies() {
  const org = await createTestOrganization(db);
  const memberships = await db.selectFrom("Membership").select(["id", "userId"]).where("organizationId", "=", org.organization.id).execute();
  const membershipOf = (user: { id: string }) => memberships.find((m) => m.userId === user.id)!.id;
  return {
    ...org,
    ids: { member: membershipOf(org.member), reviewer: membershipOf(org.reviewer), admin: membershipOf(org.admin) },
    cookies: {
      member: await sessionCookie(org.member, org.organization.id, "member"),
      reviewer: await sessionCookie(org.reviewer, org.organization.id, "reviewer"),
      admin: await sessionCookie(org.admin, org.organization.id, "admin"),
    },
  };
}

const listAs = (cookie?: string) => callRoute(list, { path: "/api/admin/members", cookie });
const addAs = (cookie: string, body: unknown) => callRoute(add, { method: "POST", path: "/api/admin/members", cookie, body });
const updateAs = (cookie: string, id: string, body: unknown) => callRoute(update, { method: "PATCH", path: `/api/admin/members/${id}`, params: { id }, cookie, body });
const removeAs = (cookie: string, id: string) => callRoute(remove, { method: "DELETE", path: `/api/admin/members/${id}`, params: { id }, cookie });
/** A member endpoint: 200 while the session lives. */
const configAs = (cookie: string) => callRoute(getConfig, { path: "/api/feedback/config", cookie });
const auditOf = (organizationId: string) =>
  db.selectFrom("AuditLog").select(["action", "targetType", "targetId", "actorUserId", "data"]).where("organizationId", "=", organizationId).orderBy("createdAt").orderBy("id").execute();

describe(`members API (${getDatabaseProvider()})`, () => {
  it("lists every member by email for an admin", async () => {
    const s = await orgWithCookies();
    const response = await listAs(s.cookies.admin);
    expect(response.status).toBe(200);
    expect(MemberListSchema.parse(response.body).items).toEqual(
      [s.admin, s.member, s.reviewer].map((user) => ({
        id: s.ids[user === s.admin ? "admin" : user === s.member ? "member" : "reviewer"],
        user_id: user.id,
        email: user.email,
        name: user.name,
        role: user === s.admin ? "admin" : user === s.member ? "member" : "reviewer",
        joined_at: expect.stringMatching(ISO),
      })),
    );
  });

  it("is for admins only: 401 signed out, 403 for reviewers and members, on every endpoint", async () => {
    const s = await orgWithCookies();
    expect(await listAs()).toMatchObject({ status: 401, body: { code: "unauthenticated" } });
    for (const cookie of [s.cookies.member, s.cookies.reviewer]) {
      expect(await listAs(cookie)).toMatchObject({ status: 403, body: { code: "forbidden", detail: "This needs the admin role" } });
      expect(await addAs(cookie, { email: "x@example.test", role: "member" })).toMatchObject({ status: 403, body: { code: "forbidden" } });
      expect(await updateAs(cookie, s.ids.member, { role: "admin" })).toMatchObject({ status: 403, body: { code: "forbidden" } });
      expect(await removeAs(cookie, s.ids.admin)).toMatchObject({ status: 403, body: { code: "forbidden" } });
    }
    expect((await db.selectFrom("Membership").select("role").where("id", "=", s.ids.member).executeTakeFirstOrThrow()).role).toBe("member");
    expect(await auditOf(s.organization.id)).toEqual([]);
  });

  it("adds someone new by email: their User row is created, the email normalised, the change audited", async () => {
    const s = await orgWithCookies();
    const email = `New.Person-${s.organization.slug}@Example.TEST`;
    const response = await addAs(s.cookies.admin, { email: `  ${email} `, role: "reviewer" });
    expect(response.status).toBe(201);
    const member = MemberSchema.parse(response.body);
    expect(member).toEqual({ id: expect.any(String), user_id: expect.any(String), email: email.toLowerCase(), name: null, role: "reviewer", joined_at: expect.stringMatching(ISO) });
    expect(await db.selectFrom("User").select(["id", "email"]).where("email", "=", email.toLowerCase()).execute()).toEqual([{ id: member.user_id, email: email.toLowerCase() }]);
    expect(await auditOf(s.organization.id)).toEqual([
      { action: "member.added", targetType: "member", targetId: member.id, actorUserId: s.admin.id, data: { email: email.toLowerCase(), role: "reviewer" } },
    ]);
  });

  it("adds an existing user of another organization without a second User row", async () => {
    const s = await orgWithCookies();
    const other = await createTestOrganization(db);
    const response = await addAs(s.cookies.admin, { email: other.member.email, role: "member" });
    expect(response).toMatchObject({ status: 201, body: { user_id: other.member.id, email: other.member.email, name: other.member.name, role: "member" } });
  });

  it("refuses to add someone who is already a member (409 member_exists), whatever the case of the email", async () => {
    const s = await orgWithCookies();
    const response = await addAs(s.cookies.admin, { email: s.reviewer.email.toUpperCase(), role: "admin" });
    expect(response).toEqual({
      status: 409,
      headers: expect.anything(),
      body: { code: "member_exists", detail: `${s.reviewer.email} is already a member of this organization; change their role instead` },
    });
    expect((await db.selectFrom("Membership").select("role").where("id", "=", s.ids.reviewer).executeTakeFirstOrThrow()).role).toBe("reviewer");
  });

  it("answers two simultaneous adds of one email with one 201 and one 409", async () => {
    const s = await orgWithCookies();
    const body = { email: `race-${s.organization.slug}@example.test`, role: "member" };
    const statuses = (await Promise.all([addAs(s.cookies.admin, body), addAs(s.cookies.admin, body)])).map((response) => response.status);
    expect(statuses.sort()).toEqual([201, 409]);
  });

  it.each([
    [{ email: "not-an-email", role: "member" }, "body.email: must be an email address"],
    [{ email: "a@example.test", role: "owner" }, "body.role: must be one of member, reviewer, admin"],
    [{ role: "member" }, "body.email: must be an email address"],
  ])("refuses a bad body %j with a 400 and changes nothing", async (body, detail) => {
    const s = await orgWithCookies();
    expect(await addAs(s.cookies.admin, body)).toMatchObject({ status: 400, body: { code: "validation_error", detail } });
    expect(await auditOf(s.organization.id)).toEqual([]);
  });

  it("changes a role and audits it; the same role again changes nothing", async () => {
    const s = await orgWithCookies();
    const response = await updateAs(s.cookies.admin, s.ids.member, { role: "reviewer" });
    expect(response).toMatchObject({ status: 200, body: { id: s.ids.member, user_id: s.member.id, email: s.member.email, role: "reviewer" } });
    expect(await updateAs(s.cookies.admin, s.ids.member, { role: "reviewer" })).toMatchObject({ status: 200, body: { role: "reviewer" } });
    expect(await auditOf(s.organization.id)).toEqual([
      { action: "member.role_changed", targetType: "member", targetId: s.ids.member, actorUserId: s.admin.id, data: { email: s.member.email, from: "member", to: "reviewer" } },
    ]);
  });

  it("removes a member and audits it", async () => {
    const s = await orgWithCookies();
    expect(await removeAs(s.cookies.admin, s.ids.reviewer)).toMatchObject({ status: 204, body: undefined });
    expect(await db.selectFrom("Membership").select("id").where("id", "=", s.ids.reviewer).execute()).toEqual([]);
    expect(await removeAs(s.cookies.admin, s.ids.reviewer)).toMatchObject({ status: 404, body: { code: "not_found", detail: "Member not found" } });
    expect(await auditOf(s.organization.id)).toEqual([
      { action: "member.removed", targetType: "member", targetId: s.ids.reviewer, actorUserId: s.admin.id, data: { email: s.reviewer.email, role: "reviewer" } },
    ]);
  });

  it("answers 404 for another organization's member, and changes nothing there", async () => {
    const s = await orgWithCookies();
    const other = await orgWithCookies();
    expect(await updateAs(s.cookies.admin, other.ids.member, { role: "admin" })).toMatchObject({ status: 404, body: { code: "not_found", detail: "Member not found" } });
    expect(await removeAs(s.cookies.admin, other.ids.member)).toMatchObject({ status: 404, body: { code: "not_found" } });
    expect(await configAs(other.cookies.member)).toMatchObject({ status: 200 });
    expect(await auditOf(other.organization.id)).toEqual([]);
  });

  it("keeps the last admin: they can neither demote nor remove themselves (409 last_admin)", async () => {
    const s = await orgWithCookies();
    const refusal = { code: "last_admin", detail: `${s.admin.email} is the organization's last admin; make someone else an admin first` };
    expect(await updateAs(s.cookies.admin, s.ids.admin, { role: "reviewer" })).toMatchObject({ status: 409, body: refusal });
    expect(await removeAs(s.cookies.admin, s.ids.admin)).toMatchObject({ status: 409, body: refusal });
    expect(await listAs(s.cookies.admin)).toMatchObject({ status: 200 });
    // With a second admin, stepping down is allowed, and takes the admin endpoints away at once.
    expect(await updateAs(s.cookies.admin, s.ids.reviewer, { role: "admin" })).toMatchObject({ status: 200 });
    expect(await updateAs(s.cookies.admin, s.ids.admin, { role: "member" })).toMatchObject({ status: 200, body: { role: "member" } });
    expect(await listAs(s.cookies.admin)).toMatchObject({ status: 403, body: { code: "forbidden" } });
    expect(await removeAs(s.cookies.reviewer, s.ids.reviewer)).toMatchObject({ status: 409, body: { code: "last_admin" } });
  });

  it("lets two admins demoting each other at once leave one admin", async () => {
    const s = await orgWithCookies();
    await updateAs(s.cookies.admin, s.ids.reviewer, { role: "admin" });
    const [first, second] = await Promise.all([updateAs(s.cookies.admin, s.ids.reviewer, { role: "member" }), updateAs(s.cookies.reviewer, s.ids.admin, { role: "member" })]);
    // The loser is refused either as the last admin (409) or, if the winner's demotion of it came first, as no admin at all (403).
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    expect(winner.status).toBe(200);
    expect([403, 409]).toContain(loser.status);
    const admins = await db.selectFrom("Membership").select("id").where("organizationId", "=", s.organization.id).where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
  });

  it("lets whoever signs in with an invited email join with the role they were given", async () => {
    const s = await orgWithCookies();
    const email = `invitee-${s.organization.slug}@example.test`;
    await addAs(s.cookies.admin, { email, role: "reviewer" });
    const decision = await admitOAuthSignIn(db, { provider: "oidc", providerAccountId: `sub-${email}`, type: "oauth", email: email.toUpperCase(), emailVerified: true });
    expect(decision).toMatchObject({ admitted: true, membership: { email, role: "reviewer", organizationId: s.organization.id } });
  });
});

describe(`sessions see sign-out, removal and role changes (${getDatabaseProvider()})`, () => {
  // Only Date is faked: it is what the session cache (and the token's expiry) reads.
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(() => vi.useRealTimers());
  const pastTheCache = () => vi.setSystemTime(Date.now() + SESSION_CACHE_TTL_MS + 1);

  it("a removed member's sessions are refused at once on this instance (401)", async () => {
    const s = await orgWithCookies();
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 200 });
    await removeAs(s.cookies.admin, s.ids.member);
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 401, body: { code: "unauthenticated" } });
    expect(await db.selectFrom("Session").select("id").where("userId", "=", s.member.id).execute()).toEqual([]);
  });

  it("a demoted reviewer loses the review endpoints at once, a promoted member gains them", async () => {
    const s = await orgWithCookies();
    await updateAs(s.cookies.admin, s.ids.reviewer, { role: "member" });
    await updateAs(s.cookies.admin, s.ids.member, { role: "admin" });
    expect(await listAs(s.cookies.reviewer)).toMatchObject({ status: 403 });
    expect(await listAs(s.cookies.member)).toMatchObject({ status: 200 });
  });

  it("a change made on another instance (straight in the database) is seen once the cache's TTL passed", async () => {
    const s = await orgWithCookies();
    expect(await listAs(s.cookies.admin)).toMatchObject({ status: 200 });
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 200 });
    await db.updateTable("Membership").set({ role: "reviewer" }).where("id", "=", s.ids.admin).execute();
    await db.deleteFrom("Membership").where("id", "=", s.ids.member).execute();
    // Within the bound this instance may still answer from its cache…
    expect(await listAs(s.cookies.admin)).toMatchObject({ status: 200 });
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 200 });
    // …and past it, it cannot.
    pastTheCache();
    expect(await listAs(s.cookies.admin)).toMatchObject({ status: 403, body: { code: "forbidden" } });
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 401, body: { code: "unauthenticated" } });
  });

  it("sign-out ends the session: a copy of the cookie is refused (401), other sessions stay", async () => {
    const s = await orgWithCookies();
    const otherDevice = await sessionCookie(s.member, s.organization.id, "member");
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 200 });
    const token = await decodeSessionToken(s.cookies.member.slice(sessionCookieName().length + 1), getAuthSecret());
    await buildAuthOptions().events!.signOut!({ token: token!, session: undefined as never });
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 401, body: { code: "unauthenticated" } });
    expect(await configAs(otherDevice)).toMatchObject({ status: 200 });
  });

  it("a session deleted on another instance is refused once the cache's TTL passed", async () => {
    const s = await orgWithCookies();
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 200 });
    await db.deleteFrom("Session").where("userId", "=", s.member.id).execute();
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 200 });
    pastTheCache();
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 401 });
  });

  it("an expired session row is refused even while its cookie is valid", async () => {
    const s = await orgWithCookies();
    await db.updateTable("Session").set({ expires: new Date(Date.now() - 1000).toISOString() }).where("userId", "=", s.member.id).execute();
    expect(await configAs(s.cookies.member)).toMatchObject({ status: 401 });
  });
});
