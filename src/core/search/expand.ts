/**
 * Query expansion from the corpus's synonym groups and glossary (data, not code): a student who
 * types "JEF" also finds "Joint Expeditionary Force", and "MoU" finds "memorandum of understanding".
 */
import { normalizeTerm, tokenize } from "./terms.js";

export interface ExpandedQuery {
  /** The student's own words, normalised (stop words kept out later by the index). */
  readonly original: string[];
  /** Terms added from synonym groups the query mentions. */
  readonly expansions: string[];
}

export class QueryExpander {
  readonly #groups: readonly (readonly string[][])[];

  /** @param groups equivalence groups, e.g. `[["JEF", "Joint Expeditionary Force"]]` */
  constructor(groups: Iterable<readonly string[]>) {
    this.#groups = [...groups].map((group) => group.map(phraseTerms).filter((t) => t.length > 0));
  }

  expand(query: string): ExpandedQuery {
    const original = phraseTerms(query);
    const expansions = new Set<string>();
    for (const group of this.#groups) {
      const mentioned = group.filter((member) => containsSequence(original, member));
      if (mentioned.length === 0) continue;
      for (const member of group) {
        if (mentioned.includes(member)) continue;
        for (const term of member) if (!original.includes(term)) expansions.add(term);
      }
    }
    return { original, expansions: [...expansions] };
  }
}

function phraseTerms(text: string): string[] {
  return tokenize(text).map(normalizeTerm).filter(Boolean);
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
