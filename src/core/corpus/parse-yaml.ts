/**
 * YAML parsing with a content-addressed cache. Parsing the argument map costs ~100 ms on a cold
 * start, which is most of a one-shot CLI call; the parsed value, cached as JSON under
 * node_modules/.cache and keyed by the file's hash, loads in ~1 ms. Validation and fidelity
 * checks still run on every start: the cache only skips re-parsing identical text.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as Yaml from "yaml";
import { projectRoot } from "../paths.js";

const CACHE_VERSION = 1;
let cacheDir: string | null | undefined;

function directory(): string | null {
  if (cacheDir === undefined) {
    try {
      cacheDir = join(projectRoot(), "node_modules", ".cache", "debate-prep");
      mkdirSync(cacheDir, { recursive: true });
    } catch {
      cacheDir = null; // read-only install: parse every time
    }
  }
  return cacheDir;
}

// Loaded on a cache miss only, so a warm start never pays for the YAML library.
let yaml: typeof Yaml | undefined;
function yamlLibrary(): typeof Yaml {
  yaml ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return yaml;
}

export function isYamlParseError(error: unknown): error is Yaml.YAMLParseError {
  return error instanceof Error && error.name === "YAMLParseError";
}

/** Parses YAML text (throws the library's `YAMLParseError` on bad syntax). */
export function parseYaml(source: string): unknown {
  const hash = createHash("sha256").update(`${CACHE_VERSION}\0${source}`).digest("hex");
  const dir = directory();
  const path = dir ? join(dir, `${hash}.json`) : undefined;
  if (path) {
    try {
      return JSON.parse(readFileSync(path, "utf8"));
    } catch {
      // not cached yet, or unreadable: parse below
    }
  }
  const value: unknown = yamlLibrary().parse(source, { prettyErrors: true });
  if (path) {
    try {
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(value));
      renameSync(temporary, path); // atomic: concurrent starts never read half a file
    } catch {
      // caching is an optimisation only
    }
  }
  return value;
}
