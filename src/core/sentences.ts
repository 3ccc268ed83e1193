/** Sentence boundaries in a paragraph, so excerpts are trimmed only between sentences. */
import { contentTerms } from "./search/terms.js";

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

export interface SentenceTerms extends SentenceSpan {
  /** The sentence's distinct content terms, as search sees them. */
  readonly terms: readonly string[];
  /** Its content terms in reading order, repeats included: what a phrase is matched against. */
  readonly sequence: readonly string[];
}

/**
 * A paragraph's sentences with their content terms. Answers look at the same paragraphs' sentences
 * again and again (highlights, opening lines), so each paragraph is split once (the memo is bounded).
 */
export function sentenceTerms(paragraph: string): readonly SentenceTerms[] {
  let known = sentencesOf.get(paragraph);
  if (!known) {
    known = splitSentences(paragraph).map((s) => {
      const sequence = contentTerms(s.text);
      return { ...s, terms: [...new Set(sequence)], sequence };
    });
    if (sentencesOf.size >= SENTENCES_OF_LIMIT) sentencesOf.clear();
    sentencesOf.set(paragraph, known);
  }
  return known;
}

const sentencesOf = new Map<string, readonly SentenceTerms[]>();
const SENTENCES_OF_LIMIT = 5_000;
