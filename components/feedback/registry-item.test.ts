// registry.json's "feedback-buttons" item is what `npx shadcn add <app>/r/feedback-buttons.json`
// copies into a host. These checks keep it in step with the kit's actual source.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const registry = JSON.parse(readFileSync(path.join(root, "registry.json"), "utf8")) as {
  items: Array<{
    name: string;
    files: Array<{ path: string; target: string; type: string }>;
    dependencies: string[];
    cssVars: { light: Record<string, string>; dark: Record<string, string> };
  }>;
};
const item = registry.items.find((candidate) => candidate.name === "feedback-buttons")!;
const packageJson = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };

const IMPORT = /(?:import|export)\s[^"']*?from\s*["']([^"']+)["']|import\s*["']([^"']+)["']/g;
/** Provided by every React host; not something the registry installs. */
const HOST_PACKAGES = new Set(["react", "react-dom"]);

function resolveSource(specifier: string, from: string): string | null {
  if (!specifier.startsWith(".") && !specifier.startsWith("@/")) return null;
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  const file = ["", ".ts", ".tsx", "/index.ts"].map((suffix) => base + suffix).find((candidate) => existsSync(candidate) && candidate.match(/\.tsx?$/));
  if (!file) throw new Error(`${path.relative(root, from)}: cannot resolve ${specifier}`);
  return file;
}

/** Every source file the kit's entry points import (type-only imports too: a host's compiler needs them), and the packages. */
function kitGraph(entries: string[]) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      const resolved = resolveSource(specifier, file);
      if (resolved) visit(resolved);
      else packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
    }
  };
  entries.forEach(visit);
  return { files: [...files].map((file) => path.relative(root, file)).sort(), packages };
}

const kitDirectory = path.join(root, "components/feedback");
const kitSources = readdirSync(kitDirectory, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .map((file) => path.join("components/feedback", file))
  .sort();
const graph = kitGraph([path.join(kitDirectory, "index.ts"), path.join(kitDirectory, "locales/de.ts")]);

describe("registry item feedback-buttons", () => {
  it("lists exactly the files the kit's entry point and locales import", () => {
    expect(item.files.map((file) => file.path).sort()).toEqual(graph.files);
  });

  it("leaves no kit source file out", () => {
    expect(kitSources.filter((file) => !graph.files.includes(file))).toEqual([]);
    expect(graph.files).toEqual(expect.arrayContaining(["lib/api/feedback-client.ts", "lib/api/schemas.ts"]));
  });

  it("installs every file where the kit's @/ imports expect it", () => {
    for (const file of item.files) expect(file.target, file.path).toBe(file.path);
  });

  it("declares the npm packages the kit imports, at this app's pinned versions", () => {
    const expected = [...graph.packages].filter((name) => !HOST_PACKAGES.has(name)).sort();
    expect(item.dependencies.map((dependency) => dependency.replace(/@[^@]+$/, "")).sort()).toEqual(expected);
    for (const dependency of item.dependencies) {
      const name = dependency.replace(/@[^@]+$/, "");
      expect(dependency, name).toBe(`${name}@${packageJson.dependencies[name]}`);
    }
  });

  it("brings the CSS variables the kit reads directly, for light and dark", () => {
    const sources = graph.files.map((file) => readFileSync(path.join(root, file), "utf8")).join("\n");
    const variables = [...new Set([...sources.matchAll(/-\(--([\w-]+)\)/g)].map((match) => match[1]!))].sort();
    expect(variables).toEqual(["color-negative", "color-positive"]);
    expect(Object.keys(item.cssVars.light).sort()).toEqual(variables);
    expect(Object.keys(item.cssVars.dark).sort()).toEqual(variables);
    // The same values as this app's tokens (app/globals.css: @theme for light, .dark for dark).
    const css = readFileSync(path.join(root, "app/globals.css"), "utf8");
    const block = (selector: string) => css.slice(css.indexOf(selector), css.indexOf("}", css.indexOf(selector)));
    for (const [mode, selector] of [["light", "@theme {"], ["dark", ".dark {"]] as const) {
      for (const variable of variables) {
        expect(block(selector), `${mode} ${variable}`).toContain(`--${variable}: ${item.cssVars[mode][variable]};`);
      }
    }
  });
});
