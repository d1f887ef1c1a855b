import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/database";
import { createTestOrganization } from "@/test/fixtures";
import { compiledOnce } from "./compiled-once";

const db = getDb();

describe("compiledOnce", () => {
  it("binds each call's values into the statement compiled the first time", async () => {
    const a = await createTestOrganization(db);
    const b = await createTestOrganization(db);
    let builds = 0;
    const slugOf = compiledOnce((handle, args: { id: string }) => {
      builds++;
      return handle.selectFrom("Organization").select(["slug", "name"]).where("id", "=", args.id).where("name", "!=", "never");
    });
    expect((await slugOf(db, { id: a.organization.id })).rows).toEqual([{ slug: a.organization.slug, name: a.organization.name }]);
    expect((await slugOf(db, { id: b.organization.id })).rows).toEqual([{ slug: b.organization.slug, name: b.organization.name }]);
    expect((await slugOf(db, { id: "nope" })).rows).toEqual([]);
    expect(builds).toBe(1);
  });

  it("refuses a statement that does not bind every argument (it would ignore later values)", async () => {
    const broken = compiledOnce((handle, args: { id: string; limit: number }) =>
      handle.selectFrom("Organization").select("slug").where("id", "=", args.id).$if(args.limit > 0, (query) => query.limit(1)),
    );
    await expect(broken(db, { id: "x", limit: 1 })).rejects.toThrow("compiledOnce: limit must be bound values of the statement");
  });
});
