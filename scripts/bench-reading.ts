/** Writes a generated reading for the benchmarks into a fresh temp corpus folder; returns its root. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface GeneratedReading {
  /** `document.yaml`'s fields; `id` names the folder too. */
  readonly document: { readonly id: string } & Record<string, unknown>;
  /** The lines of `text.md`: headings and one paragraph a line. */
  readonly lines: readonly string[];
  /** `map.yaml`: nodes, relations, synonyms. */
  readonly map: object;
}

export function writeBenchReading(reading: GeneratedReading): string {
  const root = mkdtempSync(join(tmpdir(), `${reading.document.id}-corpus-`));
  const dir = join(root, reading.document.id);
  mkdirSync(dir);
  writeFileSync(join(dir, "text.md"), `${reading.lines.join("\n")}\n`);
  // YAML is a superset of JSON: generated files need no YAML writer.
  writeFileSync(join(dir, "map.yaml"), JSON.stringify(reading.map));
  writeFileSync(join(dir, "document.yaml"), JSON.stringify(reading.document));
  return root;
}
