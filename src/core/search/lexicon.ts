/**
 * The one place that decides whether the readings know a word: search uses it to tell a typo
 * from a known word before it searches, and debate motions use it to tell a motion the readings
 * address from one they never discuss.
 *
 * It holds every content word of the readings and their maps, folded as the index folds them,
 * in minisearch's radix tree (`SearchableMap`), so a typo is corrected by a bounded fuzzy walk
 * of the tree instead of a scan of the whole vocabulary.
 */
import SearchableMap from "minisearch/SearchableMap";
import { isCommonEnglishWord } from "./english.js";
import { foldWord, STOP_WORDS, stemWord, tokenize } from "./terms.js";

/** A student's word the readings do not know, and the known word it is taken for. */
export interface Correction {
  readonly from: string;
  readonly to: string;
}

export class Lexicon {
  /** Folded word → its stem. */
  readonly #words: SearchableMap<string>;
  readonly #stems: ReadonlySet<string>;

  private constructor(words: SearchableMap<string>, stems: ReadonlySet<string>) {
    this.#words = words;
    this.#stems = stems;
  }

  /** The content words of `texts`. */
  static of(texts: Iterable<string>): Lexicon {
    const words = new SearchableMap<string>();
    const stems = new Set<string>();
    // A reading repeats its words: fold each spelling once (folding normalises Unicode, the
    // costly part of building).
    const seen = new Set<string>();
    for (const text of texts) {
      for (const token of tokenize(text)) {
        if (seen.has(token)) continue;
        seen.add(token);
        const folded = foldWord(token);
        if (STOP_WORDS.has(folded) || words.has(folded)) continue;
        const stem = stemWord(folded);
        words.set(folded, stem);
        stems.add(stem);
      }
    }
    return new Lexicon(words, stems);
  }

  /** Rebuilds a lexicon saved with {@link Lexicon.entries}. */
  static fromEntries(entries: Iterable<readonly [string, string]>): Lexicon {
    const words = new SearchableMap<string>();
    const stems = new Set<string>();
    for (const [word, stem] of entries) {
      words.set(word, stem);
      stems.add(stem);
    }
    return new Lexicon(words, stems);
  }

  /** Every word with its stem, for saving. */
  entries(): [string, string][] {
    return [...this.#words.entries()];
  }

  get size(): number {
    return this.#words.size;
  }

  /**
   * Whether the readings use this word: as it is, as another form of a word they use
   * ("ratify" for "ratification", "blocks" for "block"), or as a word they use without a short
   * ending ("arm" of "arming"; but "host" is not a form of "hostilities").
   */
  knows(word: string): boolean {
    const folded = foldWord(word);
    if (this.knowsWord(folded)) return true;
    if (folded.length < 3) return false;
    for (const known of this.#words.atPrefix(folded).keys())
      if (known.length - folded.length <= MAX_ENDING) return true;
    return false;
  }

  /** Whether the readings use this word, or another form of it (no prefixes). */
  knowsWord(word: string): boolean {
    const folded = foldWord(word);
    return this.#words.has(folded) || this.#stems.has(stemWord(folded));
  }

  /**
   * The known word a typo stands for: the closest one within the edits a word of its length
   * allows (see {@link typoBudget}), ties broken by the shorter word, then alphabetically.
   * Undefined for known words, words that cannot be typos (common English words the readings do
   * not use: "class" is not a typo of "clash"), words with nothing close, and typos of a stop
   * word ("autor" is "author", which a question is wrapped in, not "actor").
   */
  correct(word: string): Correction | undefined {
    const folded = foldWord(word);
    const budget = typoBudget(folded);
    // An inflected stop word ("getting", "having") is English, not a typo of the readings' words.
    if (budget === 0 || this.knows(folded) || STOP_WORDS.has(stemWord(folded))) return undefined;
    if (isCommonEnglishWord(folded)) return undefined;
    let best: { word: string; distance: number } | undefined;
    for (const [candidate, [, distance]] of this.#words.fuzzyGet(folded, budget)) {
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (candidate.length < best.word.length ||
            (candidate.length === best.word.length && candidate < best.word)))
      )
        best = { word: candidate, distance };
    }
    if (!best || distanceToStopWord(folded, budget) <= best.distance) return undefined;
    return { from: folded, to: best.word };
  }

  /** Known words that start with `prefix` (folded), at most `limit` of them, shortest first. */
  completions(prefix: string, limit: number): string[] {
    const folded = foldWord(prefix);
    if (folded.length < MIN_PREFIX) return [];
    return [...this.#words.atPrefix(folded).keys()]
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, limit);
  }
}

let stopWords: SearchableMap<true> | undefined;

/** Edits from `folded` to the closest stop word, if one is within `budget` (else Infinity). */
function distanceToStopWord(folded: string, budget: number): number {
  stopWords ??= SearchableMap.from([...STOP_WORDS].map((w) => [w, true] as [string, true]));
  let closest = Number.POSITIVE_INFINITY;
  for (const [, [, distance]] of stopWords.fuzzyGet(folded, budget))
    closest = Math.min(closest, distance);
  return closest;
}

/** The longest ending a known word may add to a student's word for the word to count as known. */
const MAX_ENDING = 3;

/** A prefix shorter than this says too little to stand for a word ("eu" is not "euro…"). */
const MIN_PREFIX = 4;

/**
 * How many edits a typo of this word may hold: two for long words ("coalitoin"), one for
 * mid-length ones ("wiling"), none for short words and acronyms, and none for anything with a
 * digit: numbers, years and ids (pasted mentions leave long ones) are meant exactly.
 */
export function typoBudget(folded: string): number {
  if (folded.length < 5 || /\d/.test(folded)) return 0;
  return folded.length >= 8 ? 2 : 1;
}
