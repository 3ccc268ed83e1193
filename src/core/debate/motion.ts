/**
 * What a debate motion is about, in terms of the argument map: one pillar, the whole case, or
 * nothing the reading addresses (with the nearest nodes, so the student can rephrase).
 */
import type { Core } from "../core.js";
import type { CorpusModel, MapNode } from "../corpus/model.js";
import { resolvePillar } from "../resolve.js";
import { contentTerms } from "../search/terms.js";
import { CARD_KINDS } from "./card.js";

export type MotionScope =
  | {
      readonly kind: "pillar" | "case";
      /** The pillar, or the thesis for the whole case. */
      readonly root: MapNode;
      /** Nodes the motion's words matched best, to put first. */
      readonly focus: readonly MapNode[];
      /** Set when the motion named a pillar with a typo. */
      readonly correctedFrom: string | undefined;
      /** Set when the motion is closest to an objection: a position the author argues against. */
      readonly opposes: MapNode | undefined;
    }
  | {
      readonly kind: "unmatched";
      readonly nearest: readonly MapNode[];
      /** The motion's words the reading never uses. */
      readonly unknownTerms: readonly string[];
    };

/** Debate boilerplate that says nothing about the topic ("This house believes that …"). */
const MOTION_WORDS: ReadonlySet<string> = new Set([
  "house",
  "believe",
  "believes",
  "thbt",
  "thw",
  "thb",
  "thr",
  "motion",
  "ought",
  "must",
  "shall",
  "regret",
  "support",
  "oppose",
]);

/**
 * The reading addresses a motion when more than this share of its words occur in it: half is not
 * enough ("ban nuclear power in Brazil" shares "nuclear" and "power" with it, by chance).
 */
export const MIN_COVERAGE = 0.5;

/** Nodes a motion closer than half the best match's score still counts as being about. */
const FOCUS_SHARE = 0.5;

export function resolveMotion(core: Core, motion: string): MotionScope {
  const { corpus } = core;
  const thesis = corpus.nodesOfKind("thesis")[0];
  const pillar = resolvePillar(core, motion);
  if (pillar.kind !== "none") {
    return {
      kind: "pillar",
      root: pillar.value,
      focus: [],
      correctedFrom: pillar.kind === "corrected" ? pillar.from : undefined,
      opposes: undefined,
    };
  }
  const named = corpus.node(motion.trim().toLowerCase());
  if (named && named.kind !== "context") return scopeAround(core, named, [named], thesis);

  const terms = contentTerms(motion).filter((t) => !MOTION_WORDS.has(t));
  const vocabulary = vocabularyOf(corpus);
  // Pasted text repeats words: look each one up once (a miss scans the vocabulary).
  const known = new Map<string, boolean>();
  const isKnown = (term: string) => {
    let answer = known.get(term);
    if (answer === undefined) {
      answer = knows(vocabulary, term);
      known.set(term, answer);
    }
    return answer;
  };
  const unknownTerms = terms.filter((t) => !isKnown(t));
  const hits = core.search.searchNodes(motion, CARD_KINDS);
  const coverage = terms.length === 0 ? 0 : (terms.length - unknownTerms.length) / terms.length;
  if (hits.length === 0 || coverage <= MIN_COVERAGE || !thesis) {
    const nearest = [...new Set(hits.map((h) => h.node))].slice(0, 3);
    return {
      kind: "unmatched",
      nearest: nearest.length ? nearest : corpus.nodesOfKind("pillar"),
      unknownTerms,
    };
  }
  const best = hits[0]?.score ?? 0;
  const focus = [...new Set(hits.filter((h) => h.score >= best * FOCUS_SHARE).map((h) => h.node))];
  return scopeAround(core, focus[0] as MapNode, focus, thesis);
}

function scopeAround(
  core: Core,
  top: MapNode,
  focus: readonly MapNode[],
  thesis: MapNode | undefined,
): MotionScope {
  const pillar = top.pillar ? core.corpus.node(top.pillar) : undefined;
  const root = pillar ?? (top.kind === "thesis" ? top : thesis);
  if (!root)
    return { kind: "unmatched", nearest: core.corpus.nodesOfKind("pillar"), unknownTerms: [] };
  return {
    kind: pillar ? "pillar" : "case",
    root,
    focus: focus.filter((n) => n !== root),
    correctedFrom: undefined,
    opposes: top.kind === "objection" ? top : undefined,
  };
}

/** The nodes a scope covers: a pillar's own nodes, or the whole argument for the case. */
export function inScope(scope: Extract<MotionScope, { root: MapNode }>, node: MapNode): boolean {
  if (node.kind === "context") return false;
  return scope.kind === "case" || node.pillar === scope.root.key;
}

const vocabularies = new WeakMap<CorpusModel, ReadonlySet<string>>();

/** Every content term the reading, its map and its glossary use. */
function vocabularyOf(corpus: CorpusModel): ReadonlySet<string> {
  const cached = vocabularies.get(corpus);
  if (cached) return cached;
  const texts = [
    ...corpus.documents.flatMap((d) => d.paragraphs.map((p) => p.text)),
    ...corpus.nodes.flatMap((n) => [n.label, n.summary ?? "", ...n.tags, ...n.aliases]),
    ...corpus.glossary.flatMap((g) => [g.term, g.expansion ?? "", ...g.aliases]),
    ...corpus.synonyms.flat(),
  ];
  const vocabulary = new Set(texts.flatMap(contentTerms));
  vocabularies.set(corpus, vocabulary);
  return vocabulary;
}

/**
 * Known as such, as the start of a known word ("arm" of "arming"), or as another form of one
 * ("ratify" for "ratification").
 */
function knows(vocabulary: ReadonlySet<string>, term: string): boolean {
  if (vocabulary.has(term)) return true;
  if (term.length < 3) return false;
  // A short ending only: "host" is not a form of "hostilities".
  for (const word of vocabulary)
    if ((word.startsWith(term) && word.length - term.length <= 3) || sameStem(word, term))
      return true;
  return false;
}

/** A shared start of at least five letters covering most of the shorter word. */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= Math.max(5, Math.ceil(shorter * 0.7));
}
