/** Sentence boundaries in a paragraph, so excerpts are trimmed only between sentences. */

export interface SentenceSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// A sentence ends at . ! or ? (optionally followed by a closing quote) before a space and a capital.
const BOUNDARY = /[.!?][’”"')]?(?=\s+[“"‘(]?[\p{Lu}\d])/gu;

export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const end = (match.index ?? 0) + match[0].length;
    spans.push({ text: paragraph.slice(start, end), start, end });
    start = end;
    while (start < paragraph.length && /\s/.test(paragraph[start] as string)) start++;
  }
  if (start < paragraph.length)
    spans.push({ text: paragraph.slice(start), start, end: paragraph.length });
  return spans;
}
