/**
 * Debate evidence cards: a tag (ours), a cite, and the card body — the source paragraph, cut only
 * at sentence boundaries, with the sentences the argument map ties to the node highlighted.
 *
 * Fidelity: a body's `quote` is always an exact substring of its paragraph and every highlight is
 * an exact substring of the body; `elided` says where the paragraph was cut.
 *
 * @example
 * const card = buildCard(core, core.corpus.node("coal-speed")!);
 * card?.bodies[0]?.cite.short; // "Anisova, ELN, 6 Dec 2023, ¶12"
 * cardCopyText(card!);         // plain text for a case file
 */
import type { DocumentRef, Excerpt } from "../answer.js";
import { citeFull, citeShort } from "../cite.js";
import type { Core } from "../core.js";
import type { MapNode, Quote } from "../corpus/model.js";
import { documentRefs, nodeRef, sourceRef } from "../excerpts.js";
import { ARGUMENT_KINDS, resolveNode } from "../resolve.js";
import { splitSentences } from "../sentences.js";
import { bracketed, EDITORS_NOTES_OURS } from "../words.js";

/** Kinds a card can be made for: everything in the argument, not the framing context. */
export const CARD_KINDS = ARGUMENT_KINDS;

/**
 * The node a card query means: an id or label, else the best search match that quotes the text
 * (a node the editors only paraphrase has nothing to put on a card).
 */
export function findCardNode(core: Core, query: string): MapNode | undefined {
  const named = resolveNode(core, query, CARD_KINDS);
  if (named && named.quotes.length > 0) return named;
  return core.search.searchNodes(query, CARD_KINDS).find((hit) => hit.node.quotes.length > 0)?.node;
}

/** A cite in the two forms debaters use. */
export interface CardCite {
  /** "Anisova, ELN, 6 Dec 2023, ¶14" */
  readonly short: string;
  /** Author, “Title”, publisher, date, paragraph and section, then the URL. */
  readonly full: string;
}

/** One paragraph of a card: verbatim text with its highlights and cut marks. */
export interface CardBody {
  /** An excerpt whose `quote` is the (possibly trimmed) paragraph, with `highlights` and `elided`. */
  readonly excerpt: Excerpt;
  readonly cite: CardCite;
}

export interface EvidenceCard {
  readonly node: MapNode;
  /** Ours: the one-line tag (the node's label). */
  readonly tag: string;
  /** Ours: the editors' one-sentence summary, when there is one. */
  readonly gist: string | undefined;
  /**
   * One body per paragraph the node quotes, in the order of the node's quotes — or more, when a
   * paragraph's key lines lie far apart (see {@link groupRanges}).
   */
  readonly bodies: readonly CardBody[];
  readonly document: DocumentRef;
}

export interface CardOptions {
  /**
   * Longest body before trimming starts; a paragraph this short is kept whole. The highlighted
   * sentences are always kept, even when they alone are longer.
   */
  readonly maxChars?: number;
  /** At most this many sentences of context on each side of the highlighted ones. */
  readonly context?: number;
}

/** Long enough for a typical paragraph of a commentary, short enough to read in a chat message. */
export const DEFAULT_CARD_OPTIONS: Required<CardOptions> = { maxChars: 700, context: 1 };

/** A span of a paragraph chosen at sentence boundaries. */
export interface SentenceCut {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly elided: { readonly before: boolean; readonly after: boolean };
}

/**
 * The shortest run of whole sentences covering every `[start, end)` range, widened by context
 * sentences (alternately before and after) while it stays within `maxChars`. Returns the whole
 * paragraph when it fits; undefined when there is nothing to cover.
 */
export function cutAtSentences(
  paragraph: string,
  ranges: readonly { start: number; end: number }[],
  options: CardOptions = {},
): SentenceCut | undefined {
  const { maxChars, context } = { ...DEFAULT_CARD_OPTIONS, ...options };
  const sentences = splitSentences(paragraph);
  if (sentences.length === 0 || ranges.length === 0) return undefined;
  if (paragraph.length <= maxChars)
    return {
      text: paragraph,
      start: 0,
      end: paragraph.length,
      elided: { before: false, after: false },
    };
  // The sentence containing a position; a position in the gap between two belongs to the next.
  const sentenceAt = (position: number) => {
    const index = sentences.findIndex((s) => position < s.end);
    return index < 0 ? sentences.length - 1 : index;
  };
  let first = Math.min(...ranges.map((r) => sentenceAt(r.start)));
  let last = Math.max(...ranges.map((r) => sentenceAt(Math.max(r.start, r.end - 1))));
  const length = (a: number, b: number) => (sentences[b]?.end ?? 0) - (sentences[a]?.start ?? 0);
  let before = 0;
  let after = 0;
  for (let grew = true; grew; ) {
    grew = false;
    if (before < context && first > 0 && length(first - 1, last) <= maxChars) {
      first--;
      before++;
      grew = true;
    }
    if (after < context && last < sentences.length - 1 && length(first, last + 1) <= maxChars) {
      last++;
      after++;
      grew = true;
    }
  }
  const start = sentences[first]?.start ?? 0;
  const end = sentences[last]?.end ?? paragraph.length;
  return {
    text: paragraph.slice(start, end),
    start,
    end,
    elided: { before: start > 0, after: end < paragraph.length },
  };
}

/**
 * Splits ranges into groups that one body can show: ranges in the same or neighbouring sentences
 * stay together, and so do ranges whose joint span fits `maxChars`; others get bodies of their
 * own, so a card never carries a long stretch of unhighlighted text between its key lines.
 */
export function groupRanges<R extends { start: number; end: number }>(
  paragraph: string,
  ranges: readonly R[],
  maxChars: number = DEFAULT_CARD_OPTIONS.maxChars,
): R[][] {
  const sentences = splitSentences(paragraph);
  const sentenceAt = (position: number) => {
    const index = sentences.findIndex((s) => position < s.end);
    return index < 0 ? sentences.length - 1 : index;
  };
  const groups: { ranges: R[]; last: number; start: number }[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const first = sentenceAt(range.start);
    const last = sentenceAt(Math.max(range.start, range.end - 1));
    const current = groups.at(-1);
    const span = current ? (sentences[last]?.end ?? 0) - current.start : 0;
    if (current && (first <= current.last + 1 || span <= maxChars)) {
      current.ranges.push(range);
      current.last = Math.max(current.last, last);
    } else {
      groups.push({ ranges: [range], last, start: sentences[first]?.start ?? 0 });
    }
  }
  return groups.map((g) => g.ranges);
}

/** Where a node's quote sits in its paragraph; quotes are verbatim, so an exact search finds it. */
function locate(paragraph: string, quote: Quote): { start: number; end: number } | undefined {
  const start = paragraph.indexOf(quote.text);
  return start < 0 ? undefined : { start, end: start + quote.text.length };
}

/** The full cite for one paragraph of a reading. */
export function fullCite(
  doc: DocumentRef,
  paragraph: number,
  section: string,
  sectionEditorial: boolean,
): string {
  return citeFull(doc, { paragraph, section, sectionEditorial });
}

/**
 * The card for a node, or undefined when the node quotes nothing (some objections are only
 * paraphrased by the editors) or its reading is unknown.
 */
export function buildCard(
  core: Core,
  node: MapNode,
  options: CardOptions = {},
): EvidenceCard | undefined {
  const [document] = documentRefs(core, [], [node.documentId]);
  if (!document || node.quotes.length === 0) return undefined;
  const byParagraph = new Map<number, Quote[]>();
  for (const quote of node.quotes)
    byParagraph.set(quote.source.paragraph, [
      ...(byParagraph.get(quote.source.paragraph) ?? []),
      quote,
    ]);

  const bodies: CardBody[] = [];
  for (const [number, quotes] of byParagraph) {
    const paragraph = core.corpus.paragraph(node.documentId, number);
    const source = quotes[0]?.source;
    if (!paragraph || !source) continue;
    const located = quotes.flatMap((q) => {
      const range = locate(paragraph.text, q);
      return range ? [{ ...range, text: q.text }] : [];
    });
    for (const group of groupRanges(paragraph.text, located, options.maxChars)) {
      const cut = cutAtSentences(paragraph.text, group, options);
      if (!cut) continue;
      const highlights = [...new Set(group.map((r) => r.text))];
      bodies.push({
        excerpt: {
          quote: cut.text,
          source: sourceRef(source),
          label: node.label,
          node: nodeRef(node),
          ...(highlights.length ? { highlights } : {}),
          ...(cut.elided.before || cut.elided.after ? { elided: cut.elided } : {}),
        },
        cite: {
          short: citeShort(source, [document]),
          full: fullCite(document, number, source.section, source.sectionEditorial),
        },
      });
    }
  }
  if (bodies.length === 0) return undefined;
  return { node, tag: node.label, gist: node.summary, bodies, document };
}

/** The card's bodies as answer excerpts, with extra fields (a group heading, a label). */
export function cardExcerpts(card: EvidenceCard, extra: Partial<Excerpt> = {}): Excerpt[] {
  return card.bodies.map((body) => ({ ...body.excerpt, ...extra }));
}

/**
 * The card as plain text for a case file: our tag marked as ours, both cites, the verbatim body
 * in quotation marks with "…" where the paragraph was cut, and the highlighted words repeated
 * (plain text has no bold, and the body itself is never marked up).
 */
export function cardCopyText(card: EvidenceCard): string {
  const lines = [`TAG ${bracketed(EDITORS_NOTES_OURS)}: ${card.tag}`];
  for (const body of card.bodies) {
    const { quote, elided, highlights } = body.excerpt;
    lines.push(
      `CITE: ${body.cite.short}`,
      `FULL CITE: ${body.cite.full}`,
      `“${elided?.before ? "… " : ""}${quote}${elided?.after ? " …" : ""}”`,
      ...(highlights ?? []).map((h) => `KEY LINE (verbatim): “${h}”`),
    );
  }
  return lines.join("\n");
}
