/**
 * Full-text search over a corpus model with minisearch: ranked, cited excerpts for a question,
 * and ranked nodes for commands that look up a claim or an objection.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import type { CorpusModel, MapNode } from "../corpus/model.js";
import type { NodeKind } from "../corpus/schema.js";
import type { Paragraph } from "../corpus/text.js";
import { levenshtein } from "../suggest.js";
import { type ExpandedQuery, QueryExpander } from "./expand.js";
import {
  EXPANSION_WEIGHT,
  INDEX_OPTIONS,
  prefixMatching,
  SEARCH_OPTIONS,
  typoTolerance,
} from "./options.js";
import { contentTerms } from "./terms.js";
import { type SearchUnit, searchUnits } from "./units.js";
import { Vocabulary } from "./vocabulary.js";

export interface ParagraphHit {
  readonly documentId: string;
  readonly paragraph: Paragraph;
  readonly score: number;
  /** The best-matching node that quotes this paragraph, if a node matched. */
  readonly node: MapNode | undefined;
  /** Content terms of the query that this paragraph matched. */
  readonly matchedTerms: readonly string[];
}

export interface NodeHit {
  readonly node: MapNode;
  readonly score: number;
}

/** The ids of the units a search looks at: units it would throw away are never scored. */
type UnitIds = ReadonlySet<string>;

export class SearchIndex {
  readonly #model: CorpusModel;
  readonly #index: MiniSearch<SearchUnit>;
  readonly #units: ReadonlyMap<string, SearchUnit>;
  readonly #vocabulary: Vocabulary;
  readonly #expander: QueryExpander;
  /** Units that stand for a paragraph: what a paragraph search looks at. */
  readonly #paragraphUnits: UnitIds;
  /** Node units for each combination of kinds asked for so far (there are few). */
  readonly #nodeUnits = new Map<string, UnitIds>();

  private constructor(
    model: CorpusModel,
    index: MiniSearch<SearchUnit>,
    units: readonly SearchUnit[],
  ) {
    this.#model = model;
    this.#index = index;
    this.#units = new Map(units.map((u) => [u.id, u]));
    this.#vocabulary = Vocabulary.of(units);
    this.#paragraphUnits = new Set(units.filter((u) => u.paragraph !== undefined).map((u) => u.id));
    this.#expander = new QueryExpander([
      ...model.synonyms,
      ...model.glossary.map((g) => [g.term, ...(g.expansion ? [g.expansion] : []), ...g.aliases]),
      ...model.nodesOfKind("pillar").map((p) => [p.id, p.label, ...p.aliases]),
    ]);
  }

  static build(model: CorpusModel): SearchIndex {
    const units = searchUnits(model);
    const index = new MiniSearch<SearchUnit>(INDEX_OPTIONS);
    index.addAll(units);
    return new SearchIndex(model, index, units);
  }

  /** Loads an index serialised with {@link SearchIndex.toJSON} for the same corpus. */
  static load(model: CorpusModel, json: string): SearchIndex {
    const index = MiniSearch.loadJSON<SearchUnit>(json, INDEX_OPTIONS);
    return new SearchIndex(model, index, searchUnits(model));
  }

  toJSON(): string {
    return JSON.stringify(this.#index);
  }

  /** The query's content terms and expansions: what a search will look for. */
  explain(query: string): ExpandedQuery {
    return this.#expander.expand(query);
  }

  /** Ranked paragraphs for a free question; each paragraph at most once. */
  searchParagraphs(query: string): ParagraphHit[] {
    const byParagraph = new Map<
      string,
      { unit: SearchUnit; score: number; node: MapNode | undefined; terms: Set<string> }
    >();
    for (const { unit, result } of this.#run(query, this.#paragraphUnits)) {
      const key = `${unit.documentId}/${unit.paragraph}`;
      const node = unit.nodeKey ? this.#model.node(unit.nodeKey) : undefined;
      const entry = byParagraph.get(key);
      if (!entry) {
        byParagraph.set(key, { unit, score: result.score, node, terms: new Set(result.terms) });
        continue;
      }
      // Several units point here: keep the best score, and remember the best node.
      if (result.score > entry.score) {
        entry.score = result.score;
        if (node) entry.node = node;
      } else if (!entry.node && node) entry.node = node;
      for (const t of result.terms) entry.terms.add(t);
    }
    return [...byParagraph.values()]
      .sort((a, b) => b.score - a.score)
      .flatMap(({ unit, score, node, terms }) => {
        const paragraph =
          unit.paragraph === undefined
            ? undefined
            : this.#model.paragraph(unit.documentId, unit.paragraph);
        return paragraph
          ? [{ documentId: unit.documentId, paragraph, score, node, matchedTerms: [...terms] }]
          : [];
      });
  }

  /** Ranked map nodes for a query, optionally only of some kinds. */
  searchNodes(query: string, kinds?: readonly NodeKind[]): NodeHit[] {
    return this.#run(query, this.#nodeUnitsOf(kinds)).map(({ unit, result }) => ({
      node: this.#model.node(unit.nodeKey as string) as MapNode,
      score: result.score,
    }));
  }

  #nodeUnitsOf(kinds: readonly NodeKind[] | undefined): UnitIds {
    const key = kinds ? [...kinds].sort().join(" ") : "*";
    let ids = this.#nodeUnits.get(key);
    if (!ids) {
      ids = new Set(
        [...this.#units.values()]
          .filter((unit) => {
            const node = unit.nodeKey ? this.#model.node(unit.nodeKey) : undefined;
            return node !== undefined && (!kinds || kinds.includes(node.kind));
          })
          .map((unit) => unit.id),
      );
      this.#nodeUnits.set(key, ids);
    }
    return ids;
  }

  /** One minisearch pass over the `wanted` units, best first, relevant hits only. */
  #run(query: string, wanted: UnitIds): { unit: SearchUnit; result: SearchResult }[] {
    const { original, expansions } = this.#expander.expand(query);
    const own = new Set(contentTerms(original.join(" ")));
    const added = new Set(contentTerms(expansions.join(" ")).filter((t) => !own.has(t)));
    if (own.size === 0 && added.size === 0) return [];
    // Fuzzy matching is the costly part, and only typos need it: the student's words that could
    // be typos (see typoTolerance) and that the vocabulary does not know (as a word, or as the
    // start of one) are matched fuzzily.
    // A question has a typo or two; pasted junk has dozens of unknown words, each costing a
    // fuzzy walk of the vocabulary, so only the first few are tried.
    const unknown = new Set(
      [...own]
        .filter((term) => typoTolerance(term) !== false && !this.#knows(term))
        .slice(0, MAX_FUZZY_TERMS),
    );
    const results = this.#index.search([...own, ...added].join(" "), {
      ...SEARCH_OPTIONS,
      boostTerm: (term: string) => (added.has(term) ? EXPANSION_WEIGHT : 1),
      fuzzy: (term: string) => unknown.has(term) && typoTolerance(term),
      // A unit that would be thrown away costs a lookup instead of a score.
      boostDocument: (id: string) => (wanted.has(id) ? 1 : 0),
    });
    // Results come best first; keeping the first relevant ones bounds the work on large corpora.
    const relevant: { unit: SearchUnit; result: SearchResult }[] = [];
    for (const result of results) {
      if (!isRelevant(result, own.size)) continue;
      relevant.push({ unit: this.#units.get(result.id) as SearchUnit, result });
      if (relevant.length >= MAX_RESULTS) break;
    }
    return relevant;
  }

  /** Whether the index holds `term`, or a term it is a prefix of when prefixes match. */
  #knows(term: string): boolean {
    return prefixMatching(term) ? this.#vocabulary.hasPrefix(term) : this.#vocabulary.has(term);
  }
}

/**
 * Fuzzy matching finds "coalitoin" but also pairs "crossings" with "choosing". A hit counts
 * when it matches at least half of the student's words, or one of them closely (exactly, as a
 * prefix, or one edit away).
 */
function isRelevant(result: SearchResult, ownTermCount: number): boolean {
  const matchedQueryTerms = new Set(result.queryTerms);
  if (ownTermCount > 0 && matchedQueryTerms.size / ownTermCount >= 0.5) return true;
  const isClose = (term: string, query: string): boolean => {
    const key = `${term}\u0000${query}`;
    let close = closeness.get(key);
    if (close === undefined) {
      close = term === query || term.startsWith(query) || levenshtein(term, query) <= 1;
      if (closeness.size >= CLOSENESS_LIMIT) closeness.clear();
      closeness.set(key, close);
    }
    return close;
  };
  return result.terms.some((term) => result.queryTerms.some((query) => isClose(term, query)));
}

/** Pairs of (indexed term, query term) already compared: both vocabularies are small. */
const closeness = new Map<string, boolean>();
const CLOSENESS_LIMIT = 50_000;

/** Unknown words of one query that are matched fuzzily, in the order the student typed them. */
const MAX_FUZZY_TERMS = 3;

/** Hits kept per search: far more than anyone pages through, and a bound on the work. */
const MAX_RESULTS = 300;
