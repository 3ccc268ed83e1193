/** Test helpers for `npm run ingest`: the fixture pages and fresh corpus folders to ingest into. */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type IngestRequest, type IngestResult, ingest } from "../../src/ingest/ingest.js";

export const PAGES = fileURLToPath(new URL("../fixtures/ingest/", import.meta.url));

/** Three small commentaries written for these tests, each with page chrome and a pull quote. */
export const FIXTURE_PAGES = {
  text: {
    file: join(PAGES, "kovalenko-2024-guarantees-without-garrisons.txt"),
    id: "kovalenko-2024-guarantees-without-garrisons",
  },
  html: {
    file: join(PAGES, "wierzbicki-2024-air-defence-first.html"),
    id: "wierzbicki-2024-air-defence-first",
  },
  markdown: {
    file: join(PAGES, "moreau-2024-european-pillar.md"),
    id: "moreau-2024-european-pillar",
  },
} as const;

export function emptyDir(prefix = "ingest-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function ingestInto(
  corpus: string,
  file: string,
  id: string,
  more: Partial<IngestRequest> = {},
): Promise<IngestResult> {
  return ingest({ file, id, corpus, force: false, overrides: {}, ...more });
}

/** Every file under `dir`, with its content: what a failed ingest must leave unchanged. */
export function snapshotDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    files[path] = entry.isFile() ? readFileSync(path, "utf8") : "(dir)";
  }
  return files;
}

/** text.md without its comment block: the headings and paragraphs as a reader sees them. */
export function bodyOf(textMd: string): string[] {
  return textMd
    .replace(/<!--[\s\S]*?-->/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "");
}
