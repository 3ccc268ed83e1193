/**
 * Query expansion for true equivalences only (an acronym and its full name, an abbreviation and
 * its word, two spellings), from the corpus's synonym groups and glossary: data, not code. A
 * student who types "JEF" also finds "Joint Expeditionary Force", and "MoU" finds "memorandum of
 * understanding". A multi-word member is a phrase: it is matched as consecutive words, never as
 * separate ones, so "joint" alone never stands in for the JEF.
 */
import { contentTerms } from "./terms.js";

/** One member of an equivalence group, as written and as the terms the index holds. */
export interface Phrase {
  readonly text: string;
  readonly terms: readonly string[];
}

/** An equivalent the query brings in, and the student's own terms it stands for. */
export interface Equivalent extends Phrase {
  readonly replaces: readonly string[];
}

export interface ExpandedQuery {
  /** The student's own content terms, in order (stop words out, stemmed). */
  readonly original: readonly string[];
  /** Equivalents of what the query names, each to be matched as a phrase. */
  readonly phrases: readonly Equivalent[];
  /** The terms of `phrases` that are not among the student's own, flattened. */
  readonly expansions: readonly string[];
}

export class QueryExpander {
  readonly #groups: readonly (readonly Phrase[])[];
  /** Members by their first term: a query is checked only against members that start with one of its terms. */
  readonly #byFirstTerm = new Map<string, { group: number; member: number }[]>();

  /** @param groups equivalence groups, e.g. `[["JEF", "Joint Expeditionary Force"]]` */
  constructor(groups: Iterable<readonly string[]>) {
    this.#groups = [...groups].map((group) =>
      dedupe(group.map((text) => ({ text, terms: contentTerms(text) }))),
    );
    this.#groups.forEach((members, group) => {
      members.forEach(({ terms }, member) => {
        const first = terms[0] as string;
        const starts = this.#byFirstTerm.get(first) ?? [];
        starts.push({ group, member });
        this.#byFirstTerm.set(first, starts);
      });
    });
  }

  expand(query: string): ExpandedQuery {
    const original = contentTerms(query);
    // Which members of which groups the query mentions.
    const mentioned = new Map<number, Set<number>>();
    original.forEach((term, at) => {
      for (const { group, member } of this.#byFirstTerm.get(term) ?? []) {
        const phrase = this.#groups[group]?.[member];
        if (!phrase || !startsAt(original, phrase.terms, at)) continue;
        const members = mentioned.get(group) ?? new Set<number>();
        members.add(member);
        mentioned.set(group, members);
      }
    });
    const phrases: Equivalent[] = [];
    const seen = new Set<string>([key(original)]);
    for (const group of [...mentioned.keys()].sort((a, b) => a - b)) {
      const members = this.#groups[group] ?? [];
      const named = [...(mentioned.get(group) ?? [])].map((m) => members[m]?.terms ?? []);
      const replaces = named.flat();
      members.forEach((phrase, member) => {
        if (mentioned.get(group)?.has(member) || seen.has(key(phrase.terms))) return;
        if (contains(original, phrase.terms)) return;
        // "battle tanks" for "tanks": wherever it occurs, the student's own word does too, so it
        // would only count that word twice (and claim a search the student already made).
        if (named.some((terms) => contains(phrase.terms, terms))) return;
        seen.add(key(phrase.terms));
        phrases.push({ ...phrase, replaces });
      });
    }
    const own = new Set(original);
    const expansions = [...new Set(phrases.flatMap((p) => p.terms))].filter((t) => !own.has(t));
    return { original, phrases, expansions };
  }
}

/** Members that reduce to the same terms ("Art. 5", "Art 5") are one phrase. */
function dedupe(members: readonly Phrase[]): Phrase[] {
  const byTerms = new Map<string, Phrase>();
  for (const member of members)
    if (member.terms.length > 0 && !byTerms.has(key(member.terms)))
      byTerms.set(key(member.terms), member);
  return [...byTerms.values()];
}

const key = (terms: readonly string[]) => terms.join(" ");

/** Whether `needle` occurs in `haystack` as consecutive terms starting at `at`. */
export function startsAt(
  haystack: readonly string[],
  needle: readonly string[],
  at: number,
): boolean {
  if (needle.length === 0 || at + needle.length > haystack.length) return false;
  for (let j = 0; j < needle.length; j++) if (haystack[at + j] !== needle[j]) return false;
  return true;
}

/** Whether `needle` occurs anywhere in `haystack` as consecutive terms. */
export function contains(haystack: readonly string[], needle: readonly string[]): boolean {
  for (let at = 0; at + needle.length <= haystack.length; at++)
    if (startsAt(haystack, needle, at)) return true;
  return false;
}
