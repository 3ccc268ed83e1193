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
  /** Where each member starts: a query is checked only against members that start with one of its words. */
  readonly #byFirstTerm = new Map<string, { group: number; member: number }[]>();

  /** @param groups equivalence groups, e.g. `[["JEF", "Joint Expeditionary Force"]]` */
  constructor(groups: Iterable<readonly string[]>) {
    this.#groups = [...groups].map((group) => group.map(phraseTerms).filter((t) => t.length > 0));
    this.#groups.forEach((members, group) => {
      members.forEach((terms, member) => {
        const first = terms[0] as string;
        const starts = this.#byFirstTerm.get(first) ?? [];
        starts.push({ group, member });
        this.#byFirstTerm.set(first, starts);
      });
    });
  }

  expand(query: string): ExpandedQuery {
    const original = phraseTerms(query);
    // Which members of which groups the query mentions.
    const mentioned = new Map<number, Set<number>>();
    original.forEach((term, at) => {
      for (const { group, member } of this.#byFirstTerm.get(term) ?? []) {
        const terms = this.#groups[group]?.[member] as string[];
        if (!startsAt(original, terms, at)) continue;
        const members = mentioned.get(group) ?? new Set<number>();
        members.add(member);
        mentioned.set(group, members);
      }
    });
    const expansions = new Set<string>();
    for (const group of [...mentioned.keys()].sort((a, b) => a - b)) {
      const members = this.#groups[group] ?? [];
      members.forEach((terms, member) => {
        if (mentioned.get(group)?.has(member)) return;
        for (const term of terms) if (!original.includes(term)) expansions.add(term);
      });
    }
    return { original, expansions: [...expansions] };
  }
}

function phraseTerms(text: string): string[] {
  return tokenize(text).map(normalizeTerm).filter(Boolean);
}

function startsAt(haystack: readonly string[], needle: readonly string[], at: number): boolean {
  if (at + needle.length > haystack.length) return false;
  for (let j = 0; j < needle.length; j++) if (haystack[at + j] !== needle[j]) return false;
  return true;
}
