/**
 * What a debate motion is about, in terms of the argument map: one pillar, the whole case, or
 * nothing the reading addresses (with the nearest nodes, so the student can rephrase).
 */
import type { Core } from "../core.js";
import type { MapNode } from "../corpus/model.js";
import { resolvePillar } from "../resolve.js";
import { foldWord, STOP_WORDS, tokenize } from "../search/terms.js";
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

  // The motion's own words, as typed (less debate boilerplate), judged by the one lexicon search uses.
  const words = [
    ...new Set(
      tokenize(motion)
        .map(foldWord)
        .filter((w) => !STOP_WORDS.has(w) && !MOTION_WORDS.has(w)),
    ),
  ];
  const unknownTerms = words.filter((w) => !core.search.lexicon.knows(w));
  const hits = core.search.searchNodes(motion, CARD_KINDS);
  const coverage = words.length === 0 ? 0 : (words.length - unknownTerms.length) / words.length;
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
