/**
 * Fidelity comparisons forgive typography and spacing, nothing else: a quote with one word
 * changed must still fail.
 */
import { BoundedCache } from "../bounded-cache.js";

const TYPOGRAPHY: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/\u2026/g, "..."],
];

const normalized = new BoundedCache<string, string>(5_000);

export function normalizeForComparison(text: string): string {
  return normalized.remember(text, normalize);
}

function normalize(text: string): string {
  let out = text.normalize("NFC");
  for (const [pattern, replacement] of TYPOGRAPHY) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, " ").trim();
}

/** Whether `quote` occurs verbatim in `passage`, up to typography and whitespace. */
export function occursVerbatim(quote: string, passage: string): boolean {
  const needle = normalizeForComparison(quote);
  return needle.length > 0 && normalizeForComparison(passage).includes(needle);
}

/**
 * The exact source text that a normalised quote matches, so answers show the source's own
 * characters even when the map's author typed straight quotes.
 */
export function findVerbatim(quote: string, passage: string): string | undefined {
  if (quote.length > 0 && passage.includes(quote)) return quote;
  const needle = normalizeForComparison(quote);
  if (needle.length === 0) return undefined;
  // Map each normalised character back to its offset in the passage.
  const offsets: number[] = [];
  let normalized = "";
  let lastWasSpace = true;
  for (let i = 0; i < passage.length; i++) {
    const ch = passage[i] as string;
    const mapped = normalize(ch) || " ";
    if (mapped === " ") {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else lastWasSpace = false;
    for (const m of mapped) {
      normalized += m;
      offsets.push(i);
    }
  }
  const start = normalized.indexOf(needle);
  if (start < 0) return undefined;
  const from = offsets[start] as number;
  const to = (offsets[start + needle.length - 1] as number) + 1;
  return passage.slice(from, to);
}
