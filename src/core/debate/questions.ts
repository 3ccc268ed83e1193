/**
 * Questions a careful opponent would ask that the text does not settle, generated from the
 * map's structure and the wording of the author's claims. They are editors' notes: ours, never
 * the author's, and every word quoted in them is a verbatim fragment with its paragraph.
 */
import type { CorpusModel, MapNode, Quote } from "../corpus/model.js";
import { splitSentences } from "../sentences.js";
import { bracketed, OURS } from "../words.js";

type QuestionReason =
  /** "only": a claim that rules out alternatives without comparing them. */
  | "exclusive"
  /** "all", "never", "cannot": a claim without exceptions. */
  | "absolute"
  /** "crucial", "decisive", "most": a ranking without a measure. */
  | "ranking"
  /** A claim nothing in the map supports. */
  | "unsupported"
  /** "might", "could", "appears": a hedge the argument then relies on. */
  | "hedged";

export interface OpponentQuestion {
  readonly node: MapNode;
  readonly reason: QuestionReason;
  /** Ours: the question, quoting the text's words verbatim with their paragraph. */
  readonly text: string;
}

interface WordingRule {
  readonly reason: Exclude<QuestionReason, "unsupported">;
  readonly pattern: RegExp;
  /** Only when nothing in the map gives evidence for the node. */
  readonly unlessEvidenced: boolean;
  readonly ask: string;
}

const WORDING_RULES: readonly WordingRule[] = [
  {
    reason: "exclusive",
    pattern: /(?<!\bnot )\bonly\b/i,
    unlessEvidenced: true,
    ask: "what rules out the alternatives? The text does not compare them.",
  },
  {
    reason: "absolute",
    pattern: /\b(?:(?<!of )all|every|never|always|none|cannot|unable)\b/i,
    unlessEvidenced: true,
    ask: "does that hold without exception? The text gives no evidence for it.",
  },
  {
    reason: "ranking",
    pattern: /\b(?:crucial|decisive|most|best|unacceptable)\b/i,
    unlessEvidenced: true,
    ask: "by what measure, and compared with what? The text asserts it without evidence.",
  },
  // "May" the month is not a hedge: only the lower-case verb counts.
  {
    reason: "hedged",
    pattern: /\b(?:might|could|potentially|appears to|can be expected|may)\b/,
    unlessEvidenced: false,
    ask: "how likely is that, and what happens to the case if it does not come about? The text does not say.",
  },
];

/** Order of the reasons in a brief: the sharpest first. */
const PRIORITY: readonly QuestionReason[] = [
  "exclusive",
  "absolute",
  "ranking",
  "unsupported",
  "hedged",
];

/** Kinds whose wording states the author's position (evidence reports facts; objections are not the author's). */
const ARGUED_KINDS = new Set(["thesis", "pillar", "claim", "rebuttal"]);

/**
 * Up to `limit` questions about `nodes`, of as many kinds as there are, sharpest first; at most
 * one per node and one per sentence of the text.
 */
export function opponentQuestions(
  corpus: CorpusModel,
  nodes: readonly MapNode[],
  limit = 5,
): OpponentQuestion[] {
  const found: OpponentQuestion[] = [];
  const sentencesUsed = new Set<string>();
  for (const node of nodes.filter((n) => ARGUED_KINDS.has(n.kind))) {
    const question = questionFor(corpus, node, sentencesUsed);
    if (question) found.push(question);
  }
  // Take one of each kind in turn, so five "only"s cannot crowd out a missing piece of evidence.
  const byReason = PRIORITY.map((reason) => found.filter((q) => q.reason === reason));
  const chosen: OpponentQuestion[] = [];
  for (
    let round = 0;
    chosen.length < limit && byReason.some((list) => round < list.length);
    round++
  ) {
    for (const list of byReason) {
      const question = list[round];
      if (question && chosen.length < limit) chosen.push(question);
    }
  }
  return chosen.sort((a, b) => PRIORITY.indexOf(a.reason) - PRIORITY.indexOf(b.reason));
}

function questionFor(
  corpus: CorpusModel,
  node: MapNode,
  sentencesUsed: Set<string>,
): OpponentQuestion | undefined {
  const supporters = corpus.supportersOf(node.key);
  const evidenced = supporters.some((s) => s.kind === "evidence");
  for (const rule of WORDING_RULES) {
    if (rule.unlessEvidenced && evidenced) continue;
    for (const quote of node.quotes) {
      const hit = findWording(quote, rule.pattern);
      if (!hit || sentencesUsed.has(hit.sentence)) continue;
      sentencesUsed.add(hit.sentence);
      return {
        node,
        reason: rule.reason,
        text: `${node.label} ${bracketed(OURS.label)}: the text says “${hit.window}” (¶${quote.source.paragraph}) — ${rule.ask}`,
      };
    }
  }
  if (node.kind === "claim" && supporters.length === 0) {
    const paragraph = node.quotes[0]?.source.paragraph;
    return {
      node,
      reason: "unsupported",
      text: `${node.label} ${bracketed(OURS.label)}: what shows this? The text asserts it${paragraph ? ` (¶${paragraph})` : ""}, and the map finds no evidence or example for it.`,
    };
  }
  return undefined;
}

/** Words either side of a match, within its sentence: a verbatim fragment with "…" for cuts. */
function findWording(
  quote: Quote,
  pattern: RegExp,
): { sentence: string; window: string } | undefined {
  for (const sentence of splitSentences(quote.text)) {
    const match = pattern.exec(sentence.text);
    if (!match) continue;
    return {
      sentence: sentence.text,
      window: windowAround(sentence.text, match.index, match.index + match[0].length),
    };
  }
  return undefined;
}

const WORDS_BEFORE = 5;
const WORDS_AFTER = 7;

function windowAround(sentence: string, from: number, to: number): string {
  const words = [...sentence.matchAll(/\S+/g)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const first = Math.max(0, words.findIndex((w) => w.end > from) - WORDS_BEFORE);
  const lastMatched = words.findIndex((w) => w.end >= to);
  const last = Math.min(
    words.length - 1,
    (lastMatched < 0 ? words.length - 1 : lastMatched) + WORDS_AFTER,
  );
  const start = words[first]?.start ?? 0;
  const end = words[last]?.end ?? sentence.length;
  return `${start > 0 ? "…" : ""}${sentence.slice(start, end)}${end < sentence.length ? "…" : ""}`;
}
