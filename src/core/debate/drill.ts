/**
 * Practice drills: the bot states an objection from the map, the student answers in their own
 * words, and the bot reveals the author's rebuttal and shows which of its key terms, and which
 * of the claims behind it, the reply used. A coaching aid, not a grade.
 */
import type { Core } from "../core.js";
import type { CorpusModel, Derived, MapNode } from "../corpus/model.js";
import { contentTerms, normalizeTerm, sameStem, tokenize } from "../search/terms.js";

/** Tokens hold indices in one byte. */
const MAX_INDEX = 255;

export interface DrillPool {
  readonly pillar: MapNode | undefined;
  /** Objections with at least one rebuttal, in map order, with their index among all objections. */
  readonly objections: readonly { readonly node: MapNode; readonly index: number }[];
}

/** The objections a drill can ask: answered ones, optionally only those of one pillar. */
export function drillPool(corpus: CorpusModel, pillar: MapNode | undefined): DrillPool {
  const inPillar = (o: MapNode) =>
    !pillar ||
    o.pillar === pillar.key ||
    corpus
      .outgoing(o.key, "attacks", "undercuts")
      .some((t) => t === pillar || t.pillar === pillar.key) ||
    corpus.rebuttalsOf(o.key).some((r) => r.pillar === pillar.key);
  const objections = corpus
    .nodesOfKind("objection")
    .map((node, index) => ({ node, index }))
    .filter(
      ({ node, index }) =>
        index <= MAX_INDEX && corpus.rebuttalsOf(node.key).length > 0 && inPillar(node),
    );
  return { pillar, objections };
}

/** The objection after `index` in the pool, wrapping round; the first when `index` is not in it. */
export function nextInPool(
  pool: DrillPool,
  index: number,
): { node: MapNode; index: number } | undefined {
  const at = pool.objections.findIndex((o) => o.index === index);
  return pool.objections[(at + 1) % pool.objections.length];
}

/** A term worth saying, with the word as the text spells it. */
export interface KeyTerm {
  readonly term: string;
  readonly display: string;
}

interface ClaimUse {
  readonly node: MapNode;
  readonly used: boolean;
  readonly terms: readonly KeyTerm[];
}

export interface ReplyScore {
  readonly hit: readonly KeyTerm[];
  readonly missed: readonly KeyTerm[];
  /** Claims and evidence the author's answer rests on, and whether the reply drew on each. */
  readonly claims: readonly ClaimUse[];
}

/** Key terms of the author's answer shown to the student: at least this many… */
const KEY_TERMS = 8;
/** …four per answer when the author answers several ways… */
const KEY_TERMS_PER_ANSWER = 4;
/** …and never more than a student can take in at a glance. */
const MAX_KEY_TERMS = 12;
/** Key terms per supporting claim; a claim counts as used when the reply hits two (or all, if fewer). */
const CLAIM_TERMS = 6;

/** Scores a reply against the author's answers to `objection`. */
export function scoreReply(core: Core, objection: MapNode, reply: string): ReplyScore {
  const { corpus } = core;
  const rebuttals = corpus.rebuttalsOf(objection.key);
  const given = new Set(
    contentTerms(
      [objection.label, objection.summary ?? "", ...objection.quotes.map((q) => q.text)].join(" "),
    ),
  );
  const keys = balancedKeyTerms(
    corpus,
    rebuttals,
    given,
    Math.min(MAX_KEY_TERMS, Math.max(KEY_TERMS, KEY_TERMS_PER_ANSWER * rebuttals.length)),
  );
  const said = replyTerms(core, reply);
  const hits = (term: KeyTerm) => [...said].some((t) => t === term.term || sameStem(t, term.term));

  const behind = [
    ...new Set(
      rebuttals.flatMap((r) => [
        ...corpus.supportersOf(r.key),
        ...corpus.outgoing(r.key, "supports"),
      ]),
    ),
  ].filter((n) => n.kind === "claim" || n.kind === "evidence");
  const claims = behind.map((node): ClaimUse => {
    // A claim may be used in the editors' words as much as the author's: its label counts as text.
    const passage = passageOf([node]);
    const terms = keyTerms(
      corpus,
      { ...passage, text: `${node.label} ${passage.text}` },
      given,
      CLAIM_TERMS,
    );
    const needed = Math.min(2, terms.length);
    return { node, terms, used: needed > 0 && terms.filter(hits).length >= needed };
  });
  return { hit: keys.filter(hits), missed: keys.filter((k) => !hits(k)), claims };
}

/** Key terms of several answers taken in turn, so one long answer does not crowd out the rest. */
function balancedKeyTerms(
  corpus: CorpusModel,
  nodes: readonly MapNode[],
  exclude: ReadonlySet<string>,
  limit: number,
): KeyTerm[] {
  const lists = nodes.map((n) => keyTerms(corpus, passageOf([n]), exclude, limit));
  const chosen = new Map<string, KeyTerm>();
  for (let rank = 0; chosen.size < limit && lists.some((l) => rank < l.length); rank++) {
    for (const list of lists) {
      const term = list[rank];
      if (term && chosen.size < limit && !chosen.has(term.term)) chosen.set(term.term, term);
    }
  }
  return [...chosen.values()];
}

/** Nodes' verbatim quotes, with the editors' labels and summaries as the gist. */
function passageOf(nodes: readonly MapNode[]): { text: string; gist: string } {
  return {
    text: nodes.flatMap((n) => n.quotes.map((q) => q.text)).join(" "),
    gist: nodes.map((n) => `${n.label} ${n.summary ?? ""}`).join(" "),
  };
}

/** The reply's content terms plus the synonyms the corpus lists for them ("MoU" → memorandum). */
function replyTerms(core: Core, reply: string): Set<string> {
  const { original, expansions } = core.search.explain(reply);
  return new Set([...contentTerms(original.join(" ")), ...contentTerms(expansions.join(" "))]);
}

/** Words that link an argument rather than make it: never key terms. */
const LINKING_WORDS: ReadonlySet<string> = new Set(
  (
    "however moreover furthermore therefore consequently thus hence indeed finally first second " +
    "third while considering viewing believing ensuring regarding concerning already once again " +
    "well even still yet whether either neither also make made take taken way right plus led toward towards post"
  ).split(" "),
);

/**
 * The most telling terms of a node's verbatim text: frequent in it, rare across the reading's
 * paragraphs (tf·idf), and tripled when the editors' label or summary (`gist`) uses them too —
 * the gist says what the passage is for. Leaves out what the objection already says, linking
 * words and words under three letters.
 */
export function keyTerms(
  corpus: CorpusModel,
  passage: { readonly text: string; readonly gist: string },
  exclude: ReadonlySet<string>,
  limit: number,
): KeyTerm[] {
  const display = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const word of tokenize(passage.text)) {
    const term = normalizeTerm(word);
    if (
      term.length < 3 ||
      exclude.has(term) ||
      LINKING_WORDS.has(term) ||
      contentTerms(word).length === 0
    )
      continue;
    // Prefer a lower-case spelling: a capital may only mean the word starts a sentence.
    const shown = display.get(term);
    if (shown === undefined || (shown !== word && word === word.toLowerCase()))
      display.set(term, word);
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const gist = contentTerms(passage.gist);
  const inGist = (term: string) => gist.some((g) => g === term || sameStem(g, term));
  const paragraphs = paragraphTerms(corpus);
  const idf = (term: string) =>
    Math.log((1 + paragraphs.length) / (1 + paragraphs.filter((p) => p.has(term)).length));
  return (
    [...counts]
      .map(([term, count], order) => ({
        term,
        order,
        weight: count * idf(term) * (inGist(term) ? 3 : 1),
      }))
      .filter((t) => t.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.order - b.order)
      // One form of a word is enough: "replace" and "replacement" are one point.
      .filter((t, index, all) => !all.slice(0, index).some((u) => sameStem(u.term, t.term)))
      .slice(0, limit)
      .map(({ term }) => ({ term, display: display.get(term) ?? term }))
  );
}

/** The content terms of every paragraph, for weighing a term by how rare it is. */
const PARAGRAPH_TERMS: Derived<readonly ReadonlySet<string>[]> = {
  name: "drill: content terms of every paragraph",
  compute: (corpus) =>
    corpus.documents.flatMap((d) => d.paragraphs.map((p) => new Set(contentTerms(p.text)))),
};

function paragraphTerms(corpus: CorpusModel): readonly ReadonlySet<string>[] {
  return corpus.derived(PARAGRAPH_TERMS);
}
