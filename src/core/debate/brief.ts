/**
 * Side briefs for a motion. *For*: the author's case, strongest claims first, each with its
 * card and the evidence under it — the order a speaker would present it. *Against*: the
 * objections the author anticipates with the author's answers (what comes back), the objections
 * the text leaves unanswered, and questions a careful opponent would ask.
 */
import type { Core } from "../core.js";
import type { MapNode } from "../corpus/model.js";
import { buildCard, type CardOptions, type EvidenceCard } from "./card.js";
import { inScope, type MotionScope } from "./motion.js";
import { type OpponentQuestion, opponentQuestions } from "./questions.js";

export type MatchedScope = Extract<MotionScope, { root: MapNode }>;

/** Brief cards carry only the highlighted sentences: a brief is read aloud, not studied. */
const BRIEF_CARD_OPTIONS: CardOptions = { maxChars: 0, context: 0 };

/** Claims in a brief for; beyond this the speech would not fit a round. */
const MAX_CLAIMS = 6;
/** Pieces of evidence read under one claim. */
const MAX_EVIDENCE = 2;

interface CasePoint {
  readonly claim: MapNode;
  readonly card: EvidenceCard | undefined;
  readonly evidence: readonly EvidenceCard[];
}

export interface CaseFor {
  readonly root: EvidenceCard | undefined;
  /** In speaking order: the motion's own topic first, then the strongest. */
  readonly points: readonly CasePoint[];
  /** Claims left out to keep the speech short, in the same order. */
  readonly omitted: readonly MapNode[];
}

interface AnsweredObjection {
  readonly objection: MapNode;
  /** Where the text raises the objection; undefined when the editors only paraphrase it. */
  readonly card: EvidenceCard | undefined;
  readonly answers: readonly EvidenceCard[];
}

export interface CaseAgainst {
  readonly answered: readonly AnsweredObjection[];
  /** Attacks in the map that no rebuttal answers. */
  readonly unanswered: readonly {
    readonly objection: MapNode;
    readonly card: EvidenceCard | undefined;
  }[];
  readonly questions: readonly OpponentQuestion[];
}

export function caseFor(core: Core, scope: MatchedScope): CaseFor {
  const { corpus } = core;
  const claims = corpus
    .supportersOf(scope.root.key)
    .filter((n) => n.kind !== "rebuttal" && n.kind !== "objection")
    .map((claim, index) => ({
      claim,
      index,
      strength: strength(core, claim),
      focused: scope.focus.includes(claim),
    }))
    .sort(
      (a, b) =>
        Number(b.focused) - Number(a.focused) || b.strength - a.strength || a.index - b.index,
    )
    .map((c) => c.claim);
  const points = claims.slice(0, MAX_CLAIMS).map((claim): CasePoint => {
    const evidence = corpus
      .supportersOf(claim.key)
      .filter((n) => n.kind !== "rebuttal" && n.kind !== "objection")
      .map((node, index) => ({
        node,
        index,
        rank: (node.kind === "evidence" ? 10 : 0) + strength(core, node),
      }))
      .sort((a, b) => b.rank - a.rank || a.index - b.index)
      .flatMap(({ node }) => {
        const card = buildCard(core, node, BRIEF_CARD_OPTIONS);
        return card ? [card] : [];
      })
      .slice(0, MAX_EVIDENCE);
    return { claim, card: buildCard(core, claim, BRIEF_CARD_OPTIONS), evidence };
  });
  return {
    root: buildCard(core, scope.root, BRIEF_CARD_OPTIONS),
    points,
    omitted: claims.slice(MAX_CLAIMS),
  };
}

/**
 * How well a claim stands: evidence counts double, other support and the answers it feeds count
 * once, and each objection the text leaves open counts against it.
 */
function strength(core: Core, node: MapNode): number {
  const { corpus } = core;
  const supporters = corpus.supportersOf(node.key);
  const evidence = supporters.filter((s) => s.kind === "evidence").length;
  const feedsAnswers = corpus
    .outgoing(node.key, "supports")
    .filter((t) => t.kind === "rebuttal").length;
  const open = corpus
    .attackersOf(node.key)
    .filter((a) => corpus.rebuttalsOf(a.key).length === 0).length;
  return 2 * evidence + (supporters.length - evidence) + feedsAnswers - open;
}

/**
 * The objections a scope must face: those grouped under it, those attacking one of its nodes, and
 * those the author answers with one of its nodes. The whole case faces every objection.
 */
export function objectionsInScope(core: Core, scope: MatchedScope): MapNode[] {
  const { corpus } = core;
  return corpus
    .nodesOfKind("objection")
    .filter(
      (o) =>
        scope.kind === "case" ||
        o.pillar === scope.root.key ||
        corpus.outgoing(o.key, "attacks", "undercuts").some((t) => inScope(scope, t)) ||
        corpus.rebuttalsOf(o.key).some((r) => inScope(scope, r)),
    );
}

export function caseAgainst(core: Core, scope: MatchedScope): CaseAgainst {
  const { corpus } = core;
  const objections = objectionsInScope(core, scope);
  const focused = (o: MapNode) =>
    scope.focus.includes(o) || corpus.rebuttalsOf(o.key).some((r) => scope.focus.includes(r));
  const ordered = [...objections.filter(focused), ...objections.filter((o) => !focused(o))];
  const open = new Set(corpus.unansweredObjections());
  const card = (node: MapNode) => buildCard(core, node, BRIEF_CARD_OPTIONS);
  return {
    answered: ordered
      .filter((o) => !open.has(o))
      .map((objection) => ({
        objection,
        card: card(objection),
        answers: corpus.rebuttalsOf(objection.key).flatMap((r) => card(r) ?? []),
      })),
    unanswered: ordered
      .filter((o) => open.has(o))
      .map((objection) => ({ objection, card: card(objection) })),
    questions: opponentQuestions(
      corpus,
      corpus.nodes.filter((n) => inScope(scope, n)),
    ),
  };
}
