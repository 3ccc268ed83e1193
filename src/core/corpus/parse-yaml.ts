/**
 * YAML parsing, with an optional store of parsed values keyed by a hash of the text. Parsing the
 * argument map costs ~100 ms on a cold start, most of a one-shot CLI call; a front end may give a
 * store that keeps parsed values between runs ({@link useParsedYamlStore}; the file-backed one is
 * src/adapters/yaml-cache.ts). The core itself writes no files. Validation and fidelity checks
 * still run on every start: a store only skips re-parsing identical text.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type * as Yaml from "yaml";

/** Where parsed YAML may be kept, by a key that changes with the text (and this module's format). */
export interface ParsedYamlStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const STORE_FORMAT = 1;
let store: ParsedYamlStore | undefined;

/** Sets (or, with undefined, removes) the store parsed values are kept in. */
export function useParsedYamlStore(next: ParsedYamlStore | undefined): void {
  store = next;
}

// Loaded on a miss only, so a start served from the store never pays for the YAML library.
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
  const key = store
    ? createHash("sha256").update(`${STORE_FORMAT}\0${source}`).digest("hex")
    : undefined;
  if (store && key) {
    const kept = store.get(key);
    if (kept !== undefined) return kept;
  }
  const value: unknown = yamlLibrary().parse(source, { prettyErrors: true });
  if (store && key) store.set(key, value);
  return value;
}
