import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, resolveDatabaseConfig } from "./database-url";

describe("resolveDatabaseConfig", () => {
  it("defaults to the embedded SQLite file under the project", () => {
    expect(resolveDatabaseConfig("", "/app")).toEqual({
      provider: "sqlite",
      url: "file:/app/.data/feedback-kit.db",
      sqliteFile: "/app/.data/feedback-kit.db",
    });
    expect(resolveDatabaseConfig("  ", "/app").url).toBe(resolveDatabaseConfig(DEFAULT_DATABASE_URL, "/app").url);
  });

  it("keeps absolute SQLite paths and drops query parameters", () => {
    expect(resolveDatabaseConfig("file:/var/lib/fk.db?connection_limit=1", "/app").sqliteFile).toBe("/var/lib/fk.db");
  });

  it.each(["postgres://u@db:5432/fk", "postgresql://u@db/fk?sslmode=require"])("selects PostgreSQL for %s", (url) => {
    expect(resolveDatabaseConfig(url, "/app")).toEqual({ provider: "postgresql", url });
  });

  it("rejects URLs of other databases with a message naming the accepted forms", () => {
    expect(() => resolveDatabaseConfig("mysql://root@db/fk")).toThrow(/must start with "file:"/);
    expect(() => resolveDatabaseConfig("file:")).toThrow(/names no SQLite file/);
  });
});
