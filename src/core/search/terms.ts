/**
 * How text becomes search terms, shared by indexing and querying so both sides agree.
 */

/**
 * Words that carry no topic: English function words plus the words students wrap questions in
 * ("why does the author say…"), which would otherwise outrank the topic itself.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each few for from further had has have having " +
    "he her here hers him his how i if in into is it its itself just me more most my no nor not of off on once " +
    "only or other our out over own same she should so some such than that the their theirs them then there " +
    "these they this those through to too under until up very was we were what when where which while who whom " +
    "why will with would you your yours " +
    // question and discourse words
    "author authors anisova commentary text article piece paper say says said think thinks argue argues " +
    "argued claim claims mean means tell explain show shows give gives want does doesnt dont isnt arent " +
    "whats hows whys instead rather according"
  ).split(" "),
);

/** Splits on anything that is not a letter or digit, so "42(7)" gives "42" and "7". */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Lower-cases, folds accents and typographic variants, and strips a plural ending. */
export function normalizeTerm(term: string): string {
  const folded = term
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  return stem(folded);
}

/** A deliberately light stemmer: plurals only, so matching stays predictable. */
function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is|ous)$/.test(word)) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** `processTerm` for minisearch: normalise, and drop stop words. */
export function processTerm(term: string): string | null {
  // Called for every word of every unit when indexing: the vocabulary is small, so remember.
  const known = processed.get(term);
  if (known !== undefined) return known;
  const normalized = normalizeTerm(term);
  const result =
    normalized.length === 0 || STOP_WORDS.has(normalized) || STOP_WORDS.has(term.toLowerCase())
      ? null
      : normalized;
  if (processed.size >= PROCESSED_LIMIT) processed.clear();
  processed.set(term, result);
  return result;
}

const processed = new Map<string, string | null>();
const PROCESSED_LIMIT = 100_000;

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
const TERMS_OF_LIMIT = 20_000;
