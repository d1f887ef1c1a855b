import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/database";
import { countOf } from "@/test/db";
import { createTestOrganization } from "@/test/fixtures";
import { admitOAuthSignIn, findSignedInMembership, type OAuthIdentity } from "./oauth-sign-in";

const db = getDb();

const identity = (overrides: Partial<OAuthIdentity>): OAuthIdentity => ({
  provider: "oidc",
  providerAccountId: `sub-${randomUUID()}`,
  type: "oauth",
  email: undefined,
  emailVerified: true,
  ...overrides,
});

const accountsOf = (userId: string) => db.selectFrom("Account").select(["provider", "providerAccountId", "type"]).where("userId", "=", userId).execute();

describe("invite-only sign-in through an identity provider", () => {
  it("admits an invited email with its membership's role and links the account on first sign-in", async () => {
    const { organization, reviewer } = await createTestOrganization(db);
    const first = identity({ email: reviewer.email.toUpperCase() });
    const decision = await admitOAuthSignIn(db, first);
    expect(decision).toMatchObject({ admitted: true, membership: { role: "reviewer", organizationId: organization.id, userId: reviewer.id } });
    expect(await accountsOf(reviewer.id)).toEqual([{ provider: "oidc", providerAccountId: first.providerAccountId, type: "oauth" }]);
    expect(await findSignedInMembership(db, first, "ignored for provider accounts")).toMatchObject({ role: "reviewer", userId: reviewer.id });
  });

  it("recognises a linked account by the provider's id even after its email changed there", async () => {
    const { member } = await createTestOrganization(db);
    const account = identity({ email: member.email });
    await admitOAuthSignIn(db, account);
    const decision = await admitOAuthSignIn(db, { ...account, email: "renamed@elsewhere.test", emailVerified: false });
    expect(decision).toMatchObject({ admitted: true, membership: { userId: member.id } });
    expect(await accountsOf(member.id)).toHaveLength(1);
  });

  it("links once when two first sign-ins of one account race", async () => {
    const { admin } = await createTestOrganization(db);
    const account = identity({ email: admin.email });
    const decisions = await Promise.all([admitOAuthSignIn(db, account), admitOAuthSignIn(db, account)]);
    expect(decisions.map((decision) => decision.admitted)).toEqual([true, true]);
    expect(await accountsOf(admin.id)).toHaveLength(1);
  });

  it("refuses a stranger and stores nothing about them", async () => {
    const email = `stranger-${randomUUID()}@example.test`;
    const stranger = identity({ email });
    expect(await admitOAuthSignIn(db, stranger)).toEqual({ admitted: false, reason: "not_invited", email });
    expect(await countOf(db.selectFrom("User").where("email", "=", email))).toBe(0);
    expect(await countOf(db.selectFrom("Account").where("providerAccountId", "=", stranger.providerAccountId))).toBe(0);
  });

  it("refuses an email the provider says is not verified, also when sent as a string", async () => {
    const { member } = await createTestOrganization(db);
    for (const emailVerified of [false, "false"]) {
      const account = identity({ email: member.email, emailVerified });
      expect(await admitOAuthSignIn(db, account)).toEqual({ admitted: false, reason: "email_unverified", email: member.email });
    }
    expect(await accountsOf(member.id)).toEqual([]);
  });

  it("admits an invited email when the provider sends no verification claim at all", async () => {
    const { member } = await createTestOrganization(db);
    expect(await admitOAuthSignIn(db, identity({ email: member.email, emailVerified: undefined }))).toMatchObject({ admitted: true });
  });

  it("refuses an account without an email", async () => {
    expect(await admitOAuthSignIn(db, identity({ email: null }))).toEqual({ admitted: false, reason: "email_missing", email: null });
    expect(await admitOAuthSignIn(db, identity({ email: "  " }))).toEqual({ admitted: false, reason: "email_missing", email: null });
  });

  it("refuses a linked account whose membership was removed", async () => {
    const { organization, member } = await createTestOrganization(db);
    const account = identity({ email: member.email });
    await admitOAuthSignIn(db, account);
    await db.deleteFrom("Membership").where("organizationId", "=", organization.id).where("userId", "=", member.id).execute();
    expect(await admitOAuthSignIn(db, account)).toEqual({ admitted: false, reason: "not_invited", email: member.email });
    expect(await findSignedInMembership(db, account, member.id)).toBeNull();
  });

  it("carries a demo sign-in's membership by user id", async () => {
    const { member } = await createTestOrganization(db);
    const demo = { provider: "demo", providerAccountId: member.id, type: "credentials" };
    expect(await findSignedInMembership(db, demo, member.id)).toMatchObject({ role: "member", userId: member.id });
  });
});
