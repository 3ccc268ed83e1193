/**
 * Full-text search over a corpus model: ranked paragraphs of the author's text, each with the
 * passage (one to three sentences) that answers best, and ranked map nodes for the commands that
 * look up a claim or an objection.
 *
 * How a paragraph is ranked (DESIGN.md, "How search ranks"):
 *   score = text + prior
 *   - text: minisearch's BM25 over the paragraph and its heading, for the student's own words
 *     (and, at half weight, equivalents matched as phrases), relative to the best paragraph;
 *   - prior: the share of the question (each word weighted by its rarity) that the paragraph
 *     lacks but a map node quoting it names in its label or tags, at an equivalent's half
 *     weight. The editors' words help find a passage but are a small, bounded share of the
 *     score.
 */
import MiniSearch, { type SearchOptions } from "minisearch";
import type { CorpusModel, MapNode, Quote } from "../corpus/model.js";
import type { NodeKind } from "../corpus/schema.js";
import type { Paragraph } from "../corpus/text.js";
import { MapBridge, quoteSpans } from "./bridge.js";
import { equivalences, lexiconTexts, nodeText } from "./corpus-texts.js";
import { contains } from "./expand.js";
import { Lexicon } from "./lexicon.js";
import {
  EXPANSION_WEIGHT,
  INDEX_FORMAT,
  NODE_INDEX_OPTIONS,
  NODE_SEARCH_OPTIONS,
  PARAGRAPH_INDEX_OPTIONS,
  PARAGRAPH_SEARCH_OPTIONS,
} from "./options.js";
import { bestPassage, MAX_PASSAGE_SENTENCES, type Passage, type WeightedQuery } from "./passage.js";
import { type ParsedQuery, QueryParser } from "./query.js";
import { fingerprint, readSavedIndex, type SavedIndex } from "./saved-index.js";
import { contentTerms, processTerm, tokenize } from "./terms.js";
import { type NodeUnit, nodeUnits, type ParagraphUnit, paragraphUnits } from "./units.js";

export interface ParagraphHit {
  readonly documentId: string;
  readonly paragraph: Paragraph;
  readonly score: number;
  /** The sentences of the paragraph that answer best: what an excerpt shows. */
  readonly passage: Passage;
  /** The best-matching node that quotes this paragraph, if a node matched. */
  readonly node: MapNode | undefined;
  /** The student's terms (and equivalents) the paragraph matched. */
  readonly matchedTerms: readonly string[];
}

export interface NodeHit {
  readonly node: MapNode;
  readonly score: number;
}

/** Weights of the three parts of a paragraph's score, tuned on the tuning half of the question set. */
const RANKING = { text: 1, prior: 1, hint: 1 } as const;

/** Paragraphs re-ranked by their passages: far more than anyone pages through, and a bound on the work. */
const MAX_CANDIDATES = 60;

/**
 * A term in more paragraphs than this (and than {@link COMMON_SHARE} of them) is not used to
 * retrieve paragraphs when the question has rarer ones. Never reached by one reading.
 */
const COMMON_POSTINGS = 1_000;
const COMMON_SHARE = 0.05;

export class SearchIndex {
  readonly #model: CorpusModel;
  readonly #paragraphs: MiniSearch<ParagraphUnit>;
  readonly #nodes: MiniSearch<NodeUnit>;
  readonly #fingerprint: string;
  /** In how many paragraphs each term occurs: how rare, so how telling, a word is. */
  readonly #documentFrequency: ReadonlyMap<string, number>;
  readonly #paragraphCount: number;
  readonly #parser: QueryParser;
  /** The words of the readings and their maps: one vocabulary for search and debate motions. */
  readonly lexicon: Lexicon;
  readonly #bridge: MapBridge;
  /** Each node's quotes in stating order (see statingOrder); one entry per node at most. */
  readonly #statingOrder = new Map<string, readonly Quote[]>();
  /** Node ids for each combination of kinds asked for so far (there are few). */
  readonly #nodeIds = new Map<string, ReadonlySet<string>>();

  private constructor(parts: {
    model: CorpusModel;
    paragraphs: MiniSearch<ParagraphUnit>;
    nodes: MiniSearch<NodeUnit>;
    fingerprint: string;
    documentFrequency: ReadonlyMap<string, number>;
    lexicon: Lexicon;
  }) {
    this.#model = parts.model;
    this.#paragraphs = parts.paragraphs;
    this.#nodes = parts.nodes;
    this.#fingerprint = parts.fingerprint;
    this.#documentFrequency = parts.documentFrequency;
    this.#paragraphCount = parts.paragraphs.documentCount;
    this.lexicon = parts.lexicon;
    this.#parser = new QueryParser(parts.lexicon, equivalences(parts.model));
    this.#bridge = new MapBridge(
      parts.model,
      parts.nodes,
      (term) => this.#weightOf(term) || this.#idf(1),
    );
  }

  static build(model: CorpusModel): SearchIndex {
    const units = paragraphUnits(model);
    const nodes = nodeUnits(model);
    const paragraphs = new MiniSearch<ParagraphUnit>(PARAGRAPH_INDEX_OPTIONS);
    paragraphs.addAll(units);
    const nodeIndex = new MiniSearch<NodeUnit>(NODE_INDEX_OPTIONS);
    nodeIndex.addAll(nodes);
    const documentFrequency = new Map<string, number>();
    for (const unit of units) {
      // Not through contentTerms: its memo is for the few paragraphs answers look at again.
      const terms = new Set(tokenize(unit.text).map(processTerm));
      for (const term of terms)
        if (term !== null) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    return new SearchIndex({
      model,
      paragraphs,
      nodes: nodeIndex,
      fingerprint: fingerprint(units, nodes),
      documentFrequency,
      lexicon: Lexicon.of(lexiconTexts(model)),
    });
  }

  /**
   * Loads an index saved with {@link SearchIndex.toJSON}. Throws a `SavedIndexMismatchError` when
   * it was built for another corpus, or with other options: it would give other answers.
   */
  static load(model: CorpusModel, json: string): SearchIndex {
    const saved = readSavedIndex(json, fingerprint(paragraphUnits(model), nodeUnits(model)));
    return new SearchIndex({
      model,
      paragraphs: MiniSearch.loadJS<ParagraphUnit>(
        saved.paragraphs as Parameters<typeof MiniSearch.loadJS>[0],
        PARAGRAPH_INDEX_OPTIONS,
      ),
      nodes: MiniSearch.loadJS<NodeUnit>(
        saved.nodes as Parameters<typeof MiniSearch.loadJS>[0],
        NODE_INDEX_OPTIONS,
      ),
      fingerprint: saved.fingerprint,
      documentFrequency: new Map(saved.documentFrequency),
      lexicon: Lexicon.fromEntries(saved.lexicon),
    });
  }

  toJSON(): string {
    const saved: SavedIndex = {
      format: INDEX_FORMAT,
      fingerprint: this.#fingerprint,
      paragraphs: this.#paragraphs.toJSON(),
      nodes: this.#nodes.toJSON(),
      documentFrequency: [...this.#documentFrequency],
      lexicon: this.lexicon.entries(),
    };
    return JSON.stringify(saved);
  }

  /** What a search will look for: the student's terms, corrections and equivalents. */
  explain(query: string): ParsedQuery {
    return this.#parser.parse(query);
  }

  /** The query's terms weighted by their rarity in the readings, for scoring passages. */
  weigh(query: string | ParsedQuery): WeightedQuery {
    const parsed = typeof query === "string" ? this.explain(query) : query;
    const terms = new Map<string, number>();
    let total = 0;
    for (const term of parsed.original) {
      const weight = parsed.prefixes.has(term) ? this.#idf(1) : this.#weightOf(term);
      if (weight === 0) continue;
      terms.set(term, weight);
      total += weight;
    }
    const phrases = parsed.phrases.map((phrase) => ({
      terms: phrase.terms,
      replaces: phrase.replaces,
      weight: EXPANSION_WEIGHT * Math.max(0, ...phrase.terms.map((t) => this.#weightOf(t))),
    }));
    return { terms, phrases, total };
  }

  /** The passage of a paragraph that best answers `query` (the same choice a search makes). */
  passageOf(text: string, query: string | WeightedQuery): Passage | undefined {
    return bestPassage(text, typeof query === "string" ? this.weigh(query) : query);
  }

  /** Ranked paragraphs for a free question; each paragraph at most once. */
  searchParagraphs(query: string | ParsedQuery): ParagraphHit[] {
    // Callers that also show what the search did parse once and pass the result.
    const parsed = typeof query === "string" ? this.explain(query) : query;
    if (parsed.original.length === 0 && parsed.phrases.length === 0) return [];
    const weighted = this.weigh(parsed);
    const text = this.#score(
      this.#paragraphs,
      PARAGRAPH_SEARCH_OPTIONS,
      parsed,
      (id) => this.#unitParagraph(id)?.paragraph.text,
    );
    const bridges = this.#bridge.bridges(parsed);
    const bestText = Math.max(0, ...[...text.values()].map((s) => s.score));
    const candidates = [...new Set([...text.keys(), ...bridges.keys()])]
      .sort((a, b) => (text.get(b)?.score ?? 0) - (text.get(a)?.score ?? 0))
      .slice(0, MAX_CANDIDATES);
    const hits: ParagraphHit[] = [];
    for (const id of candidates) {
      const located = this.#unitParagraph(id);
      if (!located) continue;
      const { documentId, paragraph } = located;
      const matched = new Set(text.get(id)?.terms ?? []);
      // The map bridges only the student's words the author does not use here.
      const bridging = (bridges.get(id) ?? [])
        .map(({ node, terms }) => ({ node, terms: terms.filter((t) => !matched.has(t)) }))
        .filter(({ terms }) => terms.length > 0);
      const hints = bridging.flatMap(({ node, terms }) =>
        quoteSpans(node, paragraph).map((span) => ({
          ...span,
          weight: RANKING.hint * this.#bridge.weight(terms),
        })),
      );
      const passage = bestPassage(paragraph.text, weighted, MAX_PASSAGE_SENTENCES, hints);
      if (!passage) continue;
      const bridged = new Set(bridging.flatMap(({ terms }) => terms));
      const prior = weighted.total > 0 ? this.#bridge.weight([...bridged]) / weighted.total : 0;
      const score =
        RANKING.text * (bestText > 0 ? (text.get(id)?.score ?? 0) / bestText : 0) +
        RANKING.prior * Math.min(1, prior);
      const node = this.#bridge.labelNode(id, paragraph, passage, weighted, bridging);
      hits.push({ documentId, paragraph, score, passage, node, matchedTerms: [...matched] });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  /** Ranked map nodes for a query, optionally only of some kinds. */
  searchNodes(query: string, kinds?: readonly NodeKind[]): NodeHit[] {
    const parsed = this.explain(query);
    if (parsed.original.length === 0 && parsed.phrases.length === 0) return [];
    const wanted = this.#nodeIdsOf(kinds);
    const scores = this.#score(
      this.#nodes,
      { ...NODE_SEARCH_OPTIONS, boostDocument: (id: string) => (wanted.has(id) ? 1 : 0) },
      parsed,
      (id) => nodeText(this.#model.node(id)),
    );
    return [...scores]
      .flatMap(([key, { score }]) => {
        const node = this.#model.node(key);
        return node && wanted.has(key) && score > 0 ? [{ node, score }] : [];
      })
      .sort((a, b) => b.score - a.score);
  }

  /**
   * A node's quotes, the one that says what its label, summary and tags say first ("a new,
   * separate coalition is more feasible" is stated by the sentence that says so, not by the one
   * before it), scored as passages are. Computed once per node.
   */
  statingOrder(node: MapNode): readonly Quote[] {
    let order = this.#statingOrder.get(node.key);
    if (!order) {
      const query = this.weigh([node.label, node.summary ?? "", ...node.tags].join(" "));
      order = node.quotes
        .map((quote, at) => ({ quote, at, score: bestPassage(quote.text, query)?.score ?? 0 }))
        .sort((a, b) => b.score - a.score || a.at - b.at)
        .map((s) => s.quote);
      this.#statingOrder.set(node.key, order);
    }
    return order;
  }

  /**
   * BM25 scores for the student's own terms, plus equivalents counted only where their words
   * occur in order (a phrase, not a bag of words).
   */
  #score<T>(
    index: MiniSearch<T>,
    options: SearchOptions,
    parsed: ParsedQuery,
    textOf: (id: string) => string | undefined,
  ): Map<string, { score: number; terms: string[] }> {
    const scores = new Map<string, { score: number; terms: string[] }>();
    const retrieved =
      index === this.#paragraphs ? this.#worthRetrieving(parsed.original) : parsed.original;
    if (retrieved.length > 0) {
      const results = index.search(retrieved.join(" "), {
        ...options,
        prefix: (term: string) => parsed.prefixes.has(term),
      });
      for (const r of results) scores.set(String(r.id), { score: r.score, terms: [...r.terms] });
    }
    for (const phrase of parsed.phrases) {
      // The phrase's rarest word finds every paragraph holding the phrase (its order is checked
      // below) at the cost of that word's postings alone; it scores the phrase as one term.
      const rarest = [...phrase.terms].sort(
        (a, b) => (this.#documentFrequency.get(a) ?? 0) - (this.#documentFrequency.get(b) ?? 0),
      )[0];
      if (rarest === undefined) continue;
      for (const r of index.search(rarest, options)) {
        const id = String(r.id);
        const text = textOf(id);
        if (text === undefined || !contains(contentTerms(text), phrase.terms)) continue;
        const entry = scores.get(id) ?? { score: 0, terms: [] };
        entry.score += EXPANSION_WEIGHT * r.score;
        entry.terms.push(...phrase.terms.filter((t) => !entry.terms.includes(t)));
        scores.set(id, entry);
      }
    }
    return scores;
  }

  /**
   * The terms worth walking the postings of. minisearch scores every posting of a term (about
   * 1.5 µs each), so a term in most of a large corpus ("states" in 60 % of the State of the Union
   * passages) costs more than the rest of the search and, by its BM25 weight, decides almost
   * nothing. Such terms still weigh in the passage each paragraph shows; they are only not used
   * to find paragraphs, unless the question has nothing else.
   */
  #worthRetrieving(terms: readonly string[]): readonly string[] {
    const limit = Math.max(COMMON_POSTINGS, this.#paragraphCount * COMMON_SHARE);
    const rare = terms.filter((t) => (this.#documentFrequency.get(t) ?? 0) <= limit);
    return rare.length > 0 ? rare : terms;
  }

  #unitParagraph(id: string): { documentId: string; paragraph: Paragraph } | undefined {
    const slash = id.lastIndexOf("/");
    const documentId = id.slice(0, slash);
    const paragraph = this.#model.paragraph(documentId, Number(id.slice(slash + 1)));
    return paragraph ? { documentId, paragraph } : undefined;
  }

  #weightOf(term: string): number {
    const df = this.#documentFrequency.get(term) ?? 0;
    return df === 0 ? 0 : this.#idf(df);
  }

  /** BM25's inverse document frequency: rare words tell more. */
  #idf(df: number): number {
    return Math.log(1 + (this.#paragraphCount - df + 0.5) / (df + 0.5));
  }

  #nodeIdsOf(kinds: readonly NodeKind[] | undefined): ReadonlySet<string> {
    const key = kinds ? [...kinds].sort().join(" ") : "*";
    let ids = this.#nodeIds.get(key);
    if (!ids) {
      ids = new Set(
        this.#model.nodes.filter((n) => !kinds || kinds.includes(n.kind)).map((n) => n.key),
      );
      this.#nodeIds.set(key, ids);
    }
    return ids;
  }
}

export { SavedIndexMismatchError } from "./saved-index.js";
export type { Passage, WeightedQuery };
