/**
 * Parsed corpus YAML kept between runs as JSON files under node_modules/.cache, so a one-shot CLI
 * call or a restart skips the ~100 ms parse of unchanged files. Every failure (a read-only
 * install, a half-written file) just means parsing again: the store is an optimisation only.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ParsedYamlStore } from "../core/corpus/parse-yaml.js";
import { projectRoot } from "../core/paths.js";

export function fileYamlStore(
  folder = join(projectRoot(), "node_modules", ".cache", "debate-prep"),
): ParsedYamlStore {
  let usable: boolean | undefined;
  const ready = () => {
    if (usable === undefined) {
      try {
        mkdirSync(folder, { recursive: true });
        usable = true;
      } catch {
        usable = false;
      }
    }
    return usable;
  };
  return {
    get: (key) => {
      try {
        return JSON.parse(readFileSync(join(folder, `${key}.json`), "utf8"));
      } catch {
        return undefined;
      }
    },
    set: (key, value) => {
      if (!ready()) return;
      const path = join(folder, `${key}.json`);
      try {
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(value));
        renameSync(temporary, path); // atomic: concurrent starts never read half a file
      } catch {
        // caching is an optimisation only
      }
    },
  };
}
