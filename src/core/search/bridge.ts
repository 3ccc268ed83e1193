/**
 * The map as a bridge, bounded: a student's word the author's paragraph does not use, but that
 * the label or tags of a node quoting the paragraph do, lends the paragraph (and the node's
 * sentence) the weight of an equivalent. See DESIGN.md, "How search ranks".
 */
import type MiniSearch from "minisearch";
import type { CorpusModel, MapNode } from "../corpus/model.js";
import type { Paragraph } from "../corpus/text.js";
import { overlaps } from "./corpus-texts.js";
import { EXPANSION_WEIGHT, NODE_SEARCH_OPTIONS } from "./options.js";
import type { Passage, WeightedQuery } from "./passage.js";
import type { ParsedQuery } from "./query.js";
import { contentTerms } from "./terms.js";
import { type NodeUnit, paragraphKey } from "./units.js";

/**
 * The editors' words a node bridges with: its label and tags, chosen for finding it. Not its
 * summary, whose prose ("the author answers that …") would bridge question words.
 */
const BRIDGE_FIELDS = ["label", "tags"];

/** A node quoting a paragraph, and the student's words its label or tags carry. */
export interface Bridging {
  readonly node: MapNode;
  readonly terms: readonly string[];
}

export class MapBridge {
  readonly #model: CorpusModel;
  readonly #nodes: MiniSearch<NodeUnit>;
  /** How much a word the text uses weighs; a word it does not use weighs as its rarest. */
  readonly #termWeight: (term: string) => number;
  /** The nodes quoting each paragraph (`<doc>/<n>`). */
  readonly #nodesQuoting = new Map<string, MapNode[]>();
  /** {@link MapBridge.#quotedTerms}, by node key and paragraph number. */
  readonly #quotedTermsOf = new Map<string, ReadonlySet<string>>();

  constructor(
    model: CorpusModel,
    nodes: MiniSearch<NodeUnit>,
    termWeight: (term: string) => number,
  ) {
    this.#model = model;
    this.#nodes = nodes;
    this.#termWeight = termWeight;
    for (const node of model.nodes) {
      for (const quote of node.quotes) {
        const key = paragraphKey(node.documentId, quote.source.paragraph);
        const quoting = this.#nodesQuoting.get(key) ?? [];
        if (!quoting.includes(node)) quoting.push(node);
        this.#nodesQuoting.set(key, quoting);
      }
    }
  }
  /**
   * The map node whose label heads the excerpt: of the nodes quoting the passage, the one whose
   * quoted words (and bridged words) carry most of the question.
   */
  labelNode(
    id: string,
    paragraph: Paragraph,
    passage: Passage,
    query: WeightedQuery,
    bridging: readonly Bridging[],
  ): MapNode | undefined {
    let best: { node: MapNode; score: number } | undefined;
    for (const node of this.#nodesQuoting.get(id) ?? []) {
      if (!overlaps(node, paragraph, passage)) continue;
      let score = 0;
      for (const term of this.#quotedTerms(node, paragraph.number))
        score += query.terms.get(term) ?? 0;
      const bridged = bridging.find((b) => b.node === node)?.terms ?? [];
      score += this.weight(bridged);
      if (!best || score > best.score) best = { node, score };
    }
    return best?.node;
  }

  /** The terms a node quotes from a paragraph; asked for on every search, so kept. */
  #quotedTerms(node: MapNode, paragraph: number): ReadonlySet<string> {
    const key = `${node.key}\u0000${paragraph}`;
    let terms = this.#quotedTermsOf.get(key);
    if (!terms) {
      terms = new Set(
        node.quotes
          .filter((q) => q.source.paragraph === paragraph)
          .flatMap((q) => contentTerms(q.text)),
      );
      this.#quotedTermsOf.set(key, terms);
    }
    return terms;
  }

  /**
   * For each paragraph, the map nodes quoting it whose editors' words (label, summary, tags)
   * carry one of the student's words, and which words.
   */
  bridges(parsed: ParsedQuery): Map<string, { node: MapNode; terms: string[] }[]> {
    const byNode = new Map<string, string[]>();
    if (parsed.original.length === 0) return new Map();
    // One search for all the terms (each minisearch search copies its options per term, and those
    // copies outlive young collections): a result's queryTerms say which terms it matched.
    const results = this.#nodes.search(parsed.original.join(" "), {
      ...NODE_SEARCH_OPTIONS,
      fields: BRIDGE_FIELDS,
      prefix: (term: string) => parsed.prefixes.has(term),
    });
    for (const r of results) byNode.set(String(r.id), [...r.queryTerms]);
    const byParagraph = new Map<string, { node: MapNode; terms: string[] }[]>();
    for (const [key, terms] of byNode) {
      const node = this.#model.node(key);
      if (!node) continue;
      for (const paragraph of new Set(node.quotes.map((q) => q.source.paragraph))) {
        const at = paragraphKey(node.documentId, paragraph);
        const list = byParagraph.get(at) ?? [];
        list.push({ node, terms });
        byParagraph.set(at, list);
      }
    }
    return byParagraph;
  }

  /** What the words a node bridges are worth: as much as the rarest words of the text. */
  weight(terms: readonly string[]): number {
    let weight = 0;
    for (const term of terms) weight += this.#termWeight(term);
    return EXPANSION_WEIGHT * weight;
  }
}

/** Where the node's quotes sit in the paragraph. */
export function quoteSpans(node: MapNode, paragraph: Paragraph): { start: number; end: number }[] {
  return node.quotes.flatMap((q) => {
    if (q.source.paragraph !== paragraph.number) return [];
    const start = paragraph.text.indexOf(q.text);
    return start < 0 ? [] : [{ start, end: start + q.text.length }];
  });
}
