/**
 * The sentences that answer: the run of one to three consecutive sentences of a paragraph that
 * covers most of what a question asks, as on a debater's evidence card. Search results, quotable
 * lines and a node's shown quote all pick their sentences here, so they agree.
 */
import { sentenceTerms } from "../sentences.js";
import { contains } from "./expand.js";

/** What a passage is scored against: weighted terms, and phrases matched as consecutive terms. */
export interface WeightedQuery {
  /** Term → weight (the student's own words weigh their rarity in the readings). */
  readonly terms: ReadonlyMap<string, number>;
  /**
   * Equivalents of what the student named, each worth `weight` when its terms occur in order and
   * the words it stands for do not occur (an equivalent is not counted twice).
   */
  readonly phrases: readonly {
    readonly terms: readonly string[];
    readonly replaces: readonly string[];
    readonly weight: number;
  }[];
  /** The weight of everything the student asked for that the readings know: full coverage. */
  readonly total: number;
}

/**
 * A span of the paragraph the editors' map ties to the question (a matched node's quote), worth
 * `weight` to a passage that overlaps it: the map helps point at the sentence, within a bound.
 */
export interface PassageHint {
  readonly start: number;
  readonly end: number;
  readonly weight: number;
}

/** A verbatim run of whole sentences of one paragraph. */
export interface Passage {
  readonly text: string;
  /** Offsets in the paragraph's text. */
  readonly start: number;
  readonly end: number;
  readonly sentences: number;
  /** The weight of the query matched inside the passage. */
  readonly score: number;
  /** `score` as a share of everything asked (0–1). */
  readonly coverage: number;
}

export const MAX_PASSAGE_SENTENCES = 3;

/**
 * Each extra sentence must carry more than this share of the query's weight to be worth
 * its length: a second sentence that only repeats a matched word is not added.
 */
const EXTRA_SENTENCE_COST = 0.08;

/**
 * The best passage of `paragraph` for `query`, or undefined when no sentence matches anything.
 * Ties go to the shorter passage, then to the earlier one.
 */
export function bestPassage(
  paragraph: string,
  query: WeightedQuery,
  maxSentences = MAX_PASSAGE_SENTENCES,
  hints: readonly PassageHint[] = [],
): Passage | undefined {
  const sentences = sentenceTerms(paragraph);
  let best: (Passage & { value: number }) | undefined;
  for (let first = 0; first < sentences.length; first++) {
    const matched = new Set<string>();
    const sequences: (readonly string[])[] = [];
    for (let last = first; last < Math.min(sentences.length, first + maxSentences); last++) {
      const sentence = sentences[last] as (typeof sentences)[number];
      for (const term of sentence.terms) if (query.terms.has(term)) matched.add(term);
      sequences.push(sentence.sequence);
      const start = (sentences[first] as (typeof sentences)[number]).start;
      const end = sentence.end;
      const score = weightOf(matched, sequences, query);
      const hinted = hintWeight(hints, start, end);
      if (score === 0 && hinted === 0) continue;
      const extra = last - first;
      const value = score + hinted - EXTRA_SENTENCE_COST * Math.max(query.total, score) * extra;
      if (!best || value > best.value + 1e-9) {
        best = {
          text: paragraph.slice(start, end),
          start,
          end,
          sentences: extra + 1,
          score,
          coverage: query.total > 0 ? Math.min(1, score / query.total) : 0,
          value,
        };
      }
    }
  }
  if (!best) return undefined;
  const { value: _value, ...passage } = best;
  return passage;
}

/** The weight of `query` that a run of sentences matches: what {@link bestPassage} maximises. */
export function matchedWeight(
  sentences: readonly { readonly terms: readonly string[]; readonly sequence: readonly string[] }[],
  query: WeightedQuery,
): number {
  const matched = new Set<string>();
  for (const sentence of sentences)
    for (const term of sentence.terms) if (query.terms.has(term)) matched.add(term);
  return weightOf(
    matched,
    sentences.map((s) => s.sequence),
    query,
  );
}

/** The best hint the span overlaps: hints point, they do not add up. */
function hintWeight(hints: readonly PassageHint[], start: number, end: number): number {
  let best = 0;
  for (const hint of hints)
    if (hint.start < end && hint.end > start && hint.weight > best) best = hint.weight;
  return best;
}

function weightOf(
  matched: ReadonlySet<string>,
  sequences: readonly (readonly string[])[],
  query: WeightedQuery,
): number {
  let score = 0;
  for (const term of matched) score += query.terms.get(term) ?? 0;
  for (const phrase of query.phrases)
    if (
      !phrase.replaces.some((t) => matched.has(t)) &&
      sequences.some((sequence) => contains(sequence, phrase.terms))
    )
      score += phrase.weight;
  return score;
}
