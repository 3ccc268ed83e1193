/**
 * A search index saved to JSON and read back: what it holds, and the checks that refuse one built
 * for another corpus or with other options (it would give other answers).
 */
import { createHash } from "node:crypto";
import { INDEX_FORMAT, NODE_INDEX_OPTIONS, PARAGRAPH_INDEX_OPTIONS } from "./options.js";
import { processTerm, tokenize } from "./terms.js";
import type { NodeUnit, ParagraphUnit } from "./units.js";

/** A saved index that does not fit the corpus or the options: build a new one. */
export class SavedIndexMismatchError extends Error {
  override readonly name = "SavedIndexMismatchError";
}

export interface SavedIndex {
  readonly format: number;
  readonly fingerprint: string;
  readonly paragraphs: unknown;
  readonly nodes: unknown;
  readonly documentFrequency: [string, number][];
  readonly lexicon: [string, string][];
}

/** Parses a saved index and checks it was built by this version from this corpus. */
export function readSavedIndex(json: string, expectedFingerprint: string): SavedIndex {
  let saved: SavedIndex;
  try {
    saved = JSON.parse(json) as SavedIndex;
  } catch {
    throw new SavedIndexMismatchError("The saved search index is not valid JSON: build it again.");
  }
  if (saved.format !== INDEX_FORMAT)
    throw new SavedIndexMismatchError(
      `The saved search index has format ${String(saved.format)}, this version reads ${INDEX_FORMAT}: build it again.`,
    );
  if (saved.fingerprint !== expectedFingerprint)
    throw new SavedIndexMismatchError(
      "The saved search index was built from another corpus (its text or map differs): build it again.",
    );
  return saved;
}

/** What the index was built from, and how: a saved index must match it to be used. */
export function fingerprint(
  paragraphs: readonly ParagraphUnit[],
  nodes: readonly NodeUnit[],
): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      format: INDEX_FORMAT,
      paragraphFields: PARAGRAPH_INDEX_OPTIONS.fields,
      nodeFields: NODE_INDEX_OPTIONS.fields,
      sample: ["Coalitions", "défense", "42(7)"].flatMap(tokenize).map(processTerm),
    }),
  );
  for (const p of paragraphs) hash.update(`\u0000${p.id}\u0001${p.section}\u0001${p.text}`);
  for (const n of nodes)
    hash.update(`\u0000${n.id}\u0001${n.label}\u0001${n.summary}\u0001${n.tags}`);
  return hash.digest("hex");
}
