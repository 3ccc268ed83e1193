/** Test helpers: the shipped corpus, the tiny fixture reading, and mutated copies of it. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Core, createCore } from "../../src/core/core.js";
import { defaultCorpusRoot } from "../../src/core/paths.js";

export const SHIPPED_CORPUS = defaultCorpusRoot();
export const SHIPPED_DOC = "anisova-2023-no-need-to-wait";
export const FIXTURE_CORPUS = fileURLToPath(new URL("../fixtures/corpus-small", import.meta.url));
export const FIXTURE_DOC = "tiny-reading";

let shipped: Core | undefined;
/** The shipped corpus, loaded once per test file. */
export function shippedCore(): Core {
  shipped ??= createCore(SHIPPED_CORPUS, { drillSecret: "test-secret" });
  return shipped;
}

/** A change to one file of a copied corpus: replace `from` (must occur) with `to`. */
export interface Edit {
  readonly file: string;
  readonly from: string | RegExp;
  readonly to: string;
}

/** Copies corpus directories into a fresh temp root, then applies the edits. */
export function corpusCopy(sources: readonly string[], edits: readonly Edit[] = []): string {
  const root = mkdtempSync(join(tmpdir(), "corpus-"));
  for (const source of sources) cpSync(source, root, { recursive: true });
  for (const edit of edits) {
    const path = join(root, edit.file);
    const before = readFileSync(path, "utf8");
    const after = before.replace(edit.from, edit.to);
    if (after === before)
      throw new Error(`test edit did not apply to ${edit.file}: ${String(edit.from)}`);
    writeFileSync(path, after);
  }
  return root;
}
