import { describe, expect, it } from "vitest";
import { parseCreateApiKeyArgs, UsageError } from "./create-api-key-args";

describe("parseCreateApiKeyArgs", () => {
  it("reads --org and --name, in either form and order", () => {
    expect(parseCreateApiKeyArgs(["--org", "demo", "--name", "Chat backend"])).toEqual({ help: false, org: "demo", name: "Chat backend", scopes: ["conversations:write"] });
    expect(parseCreateApiKeyArgs(["--name=prod", "--org=other"])).toEqual({ help: false, org: "other", name: "prod", scopes: ["conversations:write"] });
  });

  it("trims the values", () => {
    expect(parseCreateApiKeyArgs(["--org", " demo ", "--name", "  ci  "])).toEqual({ help: false, org: "demo", name: "ci", scopes: ["conversations:write"] });
  });

  it("takes scopes as a comma-separated list and refuses unknown ones", () => {
    expect(parseCreateApiKeyArgs(["--org", "demo", "--name", "b", "--scopes", "feedback_tokens:mint, feedback:read"])).toEqual({
      help: false,
      org: "demo",
      name: "b",
      scopes: ["feedback_tokens:mint", "feedback:read"],
    });
    expect(() => parseCreateApiKeyArgs(["--org", "demo", "--name", "b", "--scopes", "admin"])).toThrow('--scopes: unknown scope "admin"');
  });

  it("answers --help and -h without requiring the other options", () => {
    expect(parseCreateApiKeyArgs(["--help"])).toEqual({ help: true });
    expect(parseCreateApiKeyArgs(["-h"])).toEqual({ help: true });
  });

  it.each([
    ["no arguments", [], "--org <organization slug> is required"],
    ["a missing --name", ["--org", "demo"], "--name <key name> is required"],
    ["an empty --org", ["--org", " ", "--name", "x"], "--org <organization slug> is required"],
    ["a blank --name", ["--org", "demo", "--name", "   "], "--name <key name> is required"],
    ["a too long --name", ["--org", "demo", "--name", "x".repeat(101)], "--name must be at most 100 characters"],
  ])("rejects %s", (_label, argv, message) => {
    expect(() => parseCreateApiKeyArgs(argv)).toThrow(new UsageError(message));
  });

  it.each([
    ["an unknown option", ["--org", "demo", "--name", "x", "--role", "admin"]],
    ["a positional argument", ["demo", "--name", "x"]],
    ["an option without its value", ["--name", "x", "--org"]],
  ])("rejects %s as a usage error", (_label, argv) => {
    expect(() => parseCreateApiKeyArgs(argv)).toThrow(UsageError);
  });
});
