import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileYamlStore } from "../../../src/adapters/yaml-cache.js";
import { parseYaml, useParsedYamlStore } from "../../../src/core/corpus/parse-yaml.js";

afterEach(() => useParsedYamlStore(undefined));

describe("parseYaml and the store of parsed values", () => {
  it("parses without a store, and keeps nothing anywhere", () => {
    expect(parseYaml("a: [1, 2]")).toEqual({ a: [1, 2] });
  });

  it("serves identical text from the store, and parses changed text again", () => {
    const kept = new Map<string, unknown>();
    useParsedYamlStore({ get: (key) => kept.get(key), set: (key, value) => kept.set(key, value) });
    expect(parseYaml("a: 1")).toEqual({ a: 1 });
    expect(kept.size).toBe(1);
    const [key] = kept.keys();
    kept.set(key as string, { a: "from the store" });
    expect(parseYaml("a: 1")).toEqual({ a: "from the store" });
    expect(parseYaml("a: 2")).toEqual({ a: 2 });
    expect(kept.size).toBe(2);
  });

  it("the file store (an adapter's) writes one JSON file per text and reads it back", () => {
    const folder = join(mkdtempSync(join(tmpdir(), "yaml-store-")), "nested");
    useParsedYamlStore(fileYamlStore(folder));
    expect(parseYaml("b: [x]")).toEqual({ b: ["x"] });
    expect(readdirSync(folder).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    useParsedYamlStore(fileYamlStore(folder));
    expect(parseYaml("b: [x]")).toEqual({ b: ["x"] });
  });

  it("a folder that cannot be made means parsing every time, not a failure", () => {
    // A file where a folder should be: mkdir fails, as on a read-only install.
    const blocked = mkdtempSync(join(tmpdir(), "yaml-store-"));
    writeFileSync(join(blocked, "file"), "");
    useParsedYamlStore(fileYamlStore(join(blocked, "file", "cache")));
    expect(parseYaml("c: 3")).toEqual({ c: 3 });
  });
});
