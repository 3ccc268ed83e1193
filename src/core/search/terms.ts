/**
 * How text becomes search terms, shared by indexing and querying so both sides agree: words are
 * split on anything that is not a letter or digit, folded (case, accents), stop words dropped,
 * and the rest reduced to the Porter2 (Snowball English) stem of their British spelling, so
 * "coalitions", "blocking", "procuring" and "defense" meet "coalition", "block", "procurement"
 * and "defence".
 */
import { eng as ENGLISH_STOP_WORDS } from "stopword";
import porter2 from "wink-porter2-stemmer";
import { britishSpelling } from "./spelling.js";

/**
 * Words students wrap a question in that name the reading or the act of asking, not a topic
 * ("what does the author argue about…"), plus the function words the library's short English list
 * leaves out. Kept out of the index too, so they can never decide a ranking.
 */
const QUESTION_WORDS = [
  "author",
  "authors",
  "commentary",
  "text",
  "piece",
  "reading",
  "say",
  "says",
  "saying",
  "argue",
  "argues",
  "argued",
  "argument",
  "think",
  "thinks",
  "mean",
  "means",
  "tell",
  "explain",
  "according",
  // debate framing: "my opponent says …, how do I respond?"
  "opponent",
  "opponents",
  "someone",
  "somebody",
  "reply",
  "respond",
  "response",
  "counter",
  "rebut",
  "quote",
  "actually",
  "just",
  "really",
  "kind",
  "sort",
  "does",
  "doing",
  "done",
  "doesn",
  "don",
  "isn",
  "aren",
  "what",
  "whats",
  "why",
  "whom",
  "when",
  "will",
  "not",
  "no",
  "nor",
  "off",
  "again",
  "against",
  "yours",
  "she",
  "hers",
  "herself",
  "its",
  "itself",
  "they",
  "s",
  "t",
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOP_WORDS, ...QUESTION_WORDS]);

/** Splits on anything that is not a letter or digit, so "42(7)" gives "42" and "7". */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Lower-case, without accents or typographic variants: the form a word is looked up by. */
export function foldWord(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/**
 * The stem a folded word is indexed under, from its British spelling ("defense" and "defence"
 * meet); numbers and ids are kept as they are.
 */
export function stemWord(folded: string): string {
  return folded.length <= 2 || HAS_DIGIT.test(folded) ? folded : porter2(britishSpelling(folded));
}

const HAS_DIGIT = /\d/;

/** Folds and stems a word (stop words included): the term both sides of the index use. */
export function normalizeTerm(term: string): string {
  return stemWord(foldWord(term));
}

/** `processTerm` for minisearch: fold, drop stop words, stem. */
export function processTerm(term: string): string | null {
  // Called for every word of every unit when indexing: the vocabulary is small, so remember.
  const known = processed.get(term);
  if (known !== undefined) return known;
  const folded = foldWord(term);
  const result = folded.length === 0 || STOP_WORDS.has(folded) ? null : stemWord(folded);
  if (processed.size >= PROCESSED_LIMIT) processed.clear();
  processed.set(term, result);
  return result;
}

const processed = new Map<string, string | null>();
const PROCESSED_LIMIT = 20_000;

/** The content terms of a text, in order: what a query means to the index. */
export function contentTerms(text: string): string[] {
  // Answers look at the same paragraphs' sentences again and again: remember their terms.
  const known = termsOf.get(text);
  if (known) return [...known];
  const terms = tokenize(text)
    .map(processTerm)
    .filter((t): t is string => t !== null);
  if (termsOf.size >= TERMS_OF_LIMIT) termsOf.clear();
  termsOf.set(text, terms);
  return [...terms];
}

const termsOf = new Map<string, readonly string[]>();
const TERMS_OF_LIMIT = 2_000;

/**
 * Whether two terms are forms of one word the stemmer left apart: a shared start of at least five
 * letters covering most of the shorter term ("ratif" and "ratifi").
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= Math.max(5, Math.ceil(shorter * 0.7));
}
