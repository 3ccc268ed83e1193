/** A page scraped as plain text: every non-blank line is a block, kept exactly as written. */
import type { Extracted } from "./types.js";

export function extractText(text: string): Extracted {
  const blocks = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ text: line, hint: "line" as const }));
  return { format: "text", blocks, meta: {}, metaSources: {}, notes: [] };
}
