/**
 * Every term the index holds, sorted, so a query can tell a typo from a known word before it
 * searches: only typos need fuzzy matching, the costly part of a search.
 */
import { INDEX_OPTIONS } from "./options.js";
import { processTerm, tokenize } from "./terms.js";
import type { SearchUnit } from "./units.js";

export class Vocabulary {
  readonly #terms: readonly string[];

  private constructor(terms: readonly string[]) {
    this.#terms = terms;
  }

  /** The terms of every indexed field of `units`, processed exactly as the index processes them. */
  static of(units: Iterable<SearchUnit>): Vocabulary {
    const terms = new Set<string>();
    const fields = INDEX_OPTIONS.fields as readonly (keyof SearchUnit)[];
    for (const unit of units) {
      for (const field of fields) {
        const value = unit[field];
        if (typeof value !== "string" || value === "") continue;
        for (const token of tokenize(value)) {
          const term = processTerm(token);
          if (term) terms.add(term);
        }
      }
    }
    return new Vocabulary([...terms].sort());
  }

  get size(): number {
    return this.#terms.length;
  }

  has(term: string): boolean {
    return this.#terms[this.#lowerBound(term)] === term;
  }

  /** Whether some term starts with `prefix` (the term itself included). */
  hasPrefix(prefix: string): boolean {
    return this.#terms[this.#lowerBound(prefix)]?.startsWith(prefix) ?? false;
  }

  /** The index of the first term not less than `term`. */
  #lowerBound(term: string): number {
    let low = 0;
    let high = this.#terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#terms[middle] as string) < term) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
