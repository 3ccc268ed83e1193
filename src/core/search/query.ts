/**
 * What a student's question means to the index: their own content words (typos corrected against
 * the readings' words, unknown starts of words kept as prefixes), and the equivalents of what they
 * named, as phrases. Everything a search looks for is decided here, before it searches.
 */

import { isCommonEnglishWord } from "./english.js";
import { type ExpandedQuery, QueryExpander } from "./expand.js";
import { type Correction, type Lexicon, typoBudget } from "./lexicon.js";
import { MIN_PREFIX_LENGTH } from "./options.js";
import { foldWord, STOP_WORDS, stemWord, tokenize } from "./terms.js";

export interface ParsedQuery extends ExpandedQuery {
  /** Own terms matched as the start of longer terms ("interop"), not as whole terms. */
  readonly prefixes: ReadonlySet<string>;
  /** Words taken for a typo of a known word, in the order typed. */
  readonly corrections: readonly Correction[];
}

/**
 * A question has a typo or two; pasted junk has dozens of unknown words, each costing a fuzzy walk
 * of the lexicon, so only the first few are tried.
 */
export const MAX_CORRECTIONS = 3;

export class QueryParser {
  readonly #lexicon: Lexicon;
  readonly #expander: QueryExpander;

  constructor(lexicon: Lexicon, equivalences: Iterable<readonly string[]>) {
    this.#lexicon = lexicon;
    this.#expander = new QueryExpander(equivalences);
  }

  parse(query: string): ParsedQuery {
    const corrections: Correction[] = [];
    const prefixes = new Set<string>();
    const words: string[] = [];
    for (const token of tokenize(query)) {
      const folded = foldWord(token);
      if (STOP_WORDS.has(folded)) continue;
      if (!this.#lexicon.knowsWord(folded)) {
        const correction =
          corrections.length < MAX_CORRECTIONS && typoBudget(folded) > 0
            ? this.#lexicon.correct(folded)
            : undefined;
        if (correction) {
          corrections.push(correction);
          words.push(correction.to);
          continue;
        }
        // The start of a word of the readings ("interop"): matched as a prefix. A whole English
        // word is not a start ("count" is not "country", "stop" not "stopgap").
        if (
          folded.length >= MIN_PREFIX_LENGTH &&
          this.#lexicon.completions(folded, 1).length > 0 &&
          !isCommonEnglishWord(folded)
        )
          prefixes.add(stemWord(folded));
      }
      words.push(folded);
    }
    const expanded = this.#expander.expand(words.join(" "));
    return { ...expanded, original: [...new Set(expanded.original)], prefixes, corrections };
  }
}
