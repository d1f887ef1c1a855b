import { describe, expect, it } from "vitest";
import { FeedbackConfigSchema } from "@/lib/api/schemas";
import { DEFAULT_MAX_REASON_LENGTH, DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { createTestOrganization, updateTestSettings } from "@/test/fixtures";
import { callRoute, sessionCookie } from "@/test/http";
import { GET as getConfig } from "./config/route";

const db = getDb();

const read = (cookie?: string) => callRoute(getConfig, { method: "GET", path: "/api/feedback/config", cookie });

describe(`GET /api/feedback/config (${getDatabaseProvider()})`, () => {
  it("answers an organization without a settings row with the documented defaults", async () => {
    const org = await createTestOrganization(db);
    await db.deleteFrom("FeedbackSettings").where("organizationId", "=", org.organization.id).execute();
    const response = await read(await sessionCookie(org.member, org.organization.id, "member"));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      feedback_enabled: true,
      reason_required: { positive: false, negative: false },
      reason_options: {
        positive: [
          { key: "accurate", label: "Accurate" },
          { key: "helpful", label: "Helpful" },
          { key: "well_explained", label: "Well explained" },
        ],
        negative: [
          { key: "incorrect", label: "Incorrect" },
          { key: "incomplete", label: "Incomplete" },
          { key: "outdated", label: "Outdated" },
          { key: "unsafe", label: "Unsafe or inappropriate" },
        ],
      },
      max_reason_length: 1000,
    });
    expect(response.body).toEqual(expect.objectContaining({ reason_options: DEFAULT_REASON_OPTIONS, max_reason_length: DEFAULT_MAX_REASON_LENGTH }));
    expect(FeedbackConfigSchema.parse(response.body)).toEqual(response.body);
  });

  it("answers with the organization's own settings, to every role, without the admin-only ones", async () => {
    const org = await createTestOrganization(db);
    const reasonOptions = { positive: [], negative: [{ key: "too_long", label: "Too long" }] };
    await updateTestSettings(db, org.organization.id, { feedbackEnabled: false, requireReasonNegative: true, maxReasonLength: 280, autoApproveNegative: true });
    await db.updateTable("FeedbackSettings").set({ reasonOptions: JSON.stringify(reasonOptions) }).where("organizationId", "=", org.organization.id).execute();
    const expected = {
      status: 200,
      body: {
        feedback_enabled: false,
        reason_required: { positive: false, negative: true },
        reason_options: reasonOptions,
        max_reason_length: 280,
      },
    };
    for (const [user, role] of [[org.member, "member"], [org.reviewer, "reviewer"], [org.admin, "admin"]] as const) {
      expect(await read(await sessionCookie(user, org.organization.id, role))).toMatchObject(expected);
    }
    const other = await createTestOrganization(db);
    const otherResponse = await read(await sessionCookie(other.member, other.organization.id, "member"));
    expect(otherResponse.body).toMatchObject({ feedback_enabled: true, max_reason_length: DEFAULT_MAX_REASON_LENGTH });
  });

  it("answers 401 without a session", async () => {
    const response = await read();
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Authentication required: sign in or send a bearer token", code: "unauthenticated" });
  });
});
