/**
 * Pipeline step 1: read a corpus directory from disk. Nothing is interpreted yet, so a broken
 * file is reported with the others instead of stopping the load.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isYamlParseError, parseYaml } from "./parse-yaml.js";
import type { CorpusProblem } from "./problems.js";

export const DOCUMENT_FILE = "document.yaml";
export const TEXT_FILE = "text.md";
export const MAP_FILE = "map.yaml";

/** One reading's files as found on disk; `undefined` where a file is missing or unreadable. */
export interface RawDocument {
  /** The directory name, relative to the corpus root. */
  readonly dir: string;
  readonly document: unknown;
  readonly map: unknown;
  readonly text: string | undefined;
  /** The page as scraped, when document.yaml names one; read lazily by the fidelity step. */
  readonly readScrape: (file: string) => string | undefined;
}

export interface LoadedCorpus {
  readonly root: string;
  readonly documents: readonly RawDocument[];
}

export function loadCorpus(root: string): { corpus: LoadedCorpus; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    problems.push({
      code: "file-missing",
      file: root,
      message: "the corpus directory does not exist",
    });
    return { corpus: { root, documents: [] }, problems };
  }
  const dirs = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  if (dirs.length === 0) {
    problems.push({
      code: "no-documents",
      file: root,
      message: "no reading found: add a directory per document",
    });
  }

  const documents = dirs.map((dir): RawDocument => {
    const read = (name: string): string | undefined => {
      const path = join(root, dir, name);
      if (!existsSync(path)) {
        problems.push({
          code: "file-missing",
          file: join(dir, name),
          message: `every reading needs ${name}`,
        });
        return undefined;
      }
      try {
        return readFileSync(path, "utf8");
      } catch (error) {
        problems.push({ code: "file-unreadable", file: join(dir, name), message: String(error) });
        return undefined;
      }
    };
    const yaml = (name: string): unknown => {
      const source = read(name);
      if (source === undefined) return undefined;
      try {
        return parseYaml(source);
      } catch (error) {
        const detail = isYamlParseError(error) ? error.message : String(error);
        const line = isYamlParseError(error) ? error.linePos?.[0]?.line : undefined;
        problems.push({
          code: "yaml-syntax",
          file: join(dir, name),
          where: line === undefined ? "(file)" : `line ${line}`,
          message: detail.split("\n")[0] ?? detail,
        });
        return undefined;
      }
    };
    return {
      dir,
      document: yaml(DOCUMENT_FILE),
      map: yaml(MAP_FILE),
      text: read(TEXT_FILE),
      readScrape: (file) => read(file),
    };
  });
  return { corpus: { root, documents }, problems };
}
