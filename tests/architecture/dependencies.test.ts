import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/core/paths.js";

const root = projectRoot();

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? "");
}

const PLATFORM = /^(discord\.js|@discordjs\/|@slack\/|dotenv|pino|express)/;

describe("the dependency direction: the core decides, adapters translate", () => {
  it.each(sources("src/core"))("%s imports no platform SDK, configuration or adapter", (file) => {
    for (const specifier of imports(file)) {
      expect(specifier, `${file} imports ${specifier}`).not.toMatch(PLATFORM);
      expect(specifier, `${file} imports ${specifier}`).not.toMatch(
        /adapters\/|\/config\.js$|\/logger\.js$|\/main\.js$/,
      );
    }
  });

  it.each(sources("commands"))("%s uses only the core", (file) => {
    for (const specifier of imports(file)) {
      expect(specifier, `${file} imports ${specifier}`).not.toMatch(PLATFORM);
      expect(specifier, `${file} imports ${specifier}`).not.toMatch(/adapters\//);
    }
  });
});

describe("the core writes no files", () => {
  it.each([...sources("src/core"), ...sources("commands")])("%s", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    expect(text).not.toMatch(
      /\b(writeFileSync|writeFile|appendFileSync|appendFile|mkdirSync|mkdir|renameSync|rename|createWriteStream|rmSync|unlinkSync)\b\s*\(/,
    );
  });
});
