/**
 * Which part of the argument map a picture shows: the whole map (thesis → pillars → claims, with
 * what lies beyond them counted) or a focus view around one node. Pure functions over the model.
 */
import type { Core } from "../core.js";
import type { CorpusModel, MapNode, Relation } from "../corpus/model.js";
import type { NodeKind } from "../corpus/schema.js";
import { ARGUMENT_KINDS, nameKey, resolveByName, resolvePillar } from "../resolve.js";

/** The deepest focus view: three steps already reach most of a reading's map. */
export const MAX_DEPTH = 3;

/** Neighbours of a shown node that the view leaves out, counted so the picture can say so. */
export interface HiddenNeighbours {
  /** Nodes that support it and are not shown. */
  readonly supporters: number;
  /** Objections (attacks or undercuts, not by rebuttals) that are not shown. */
  readonly objections: number;
  /** Of those objections, how many the text leaves unanswered (no rebuttal anywhere). */
  readonly unanswered: number;
  /** The author's answers (rebuttals) that are not shown. */
  readonly rebuttals: number;
}

export interface MapView {
  readonly kind: "whole" | "focus";
  /** In map order. */
  readonly nodes: readonly MapNode[];
  /** Every relation between two shown nodes, in map order. */
  readonly relations: readonly Relation[];
  /** The node in the middle of a focus view. */
  readonly focus?: MapNode;
  /** Steps from the focus (focus views only). */
  readonly depth?: number;
  /** For each shown node key with neighbours left out: how many, by role. */
  readonly hidden: ReadonlyMap<string, HiddenNeighbours>;
}

/** Kinds drawn in the whole map; evidence, objections and rebuttals are counted, not drawn. */
const WHOLE_MAP_KINDS: readonly NodeKind[] = ["thesis", "pillar", "claim"];

/** Every node and relation, e.g. for an export: nothing is hidden. */
export function fullView(corpus: CorpusModel): MapView {
  return { kind: "whole", nodes: corpus.nodes, relations: corpus.relations, hidden: new Map() };
}

/**
 * Everything one reading argues: every node of the given kinds (by default all but the framing
 * context, which relates to nothing) and every relation between them.
 */
export function readingView(
  corpus: CorpusModel,
  documentId: string,
  kinds: readonly NodeKind[] = ARGUMENT_KINDS,
): MapView {
  const nodes = corpus.nodes.filter((n) => n.documentId === documentId && kinds.includes(n.kind));
  return viewOf(corpus, "whole", nodes);
}

/** The thesis, its pillars and their claims, with evidence and objections counted per node. */
export function wholeMap(corpus: CorpusModel): MapView {
  const nodes = corpus.nodes.filter((n) => WHOLE_MAP_KINDS.includes(n.kind));
  return viewOf(corpus, "whole", nodes);
}

/**
 * The focus and its neighbourhood within `depth` steps over every relation type. From the focus
 * (and from anything that argues for or against it) the view walks both ways; from a node
 * reached by walking *up* to what the focus argues for, it keeps walking up only, so a claim's
 * view shows the path to the thesis but not every sibling claim of its pillar.
 */
export function focusView(corpus: CorpusModel, focus: MapNode, depth: number): MapView {
  const steps = Math.max(1, Math.min(MAX_DEPTH, Math.trunc(depth)));
  const reached = new Map<string, { distance: number; upOnly: boolean }>([
    [focus.key, { distance: 0, upOnly: false }],
  ]);
  let frontier = [focus.key];
  for (let distance = 1; distance <= steps && frontier.length > 0; distance++) {
    const next: string[] = [];
    const visit = (key: string, upOnly: boolean) => {
      const seen = reached.get(key);
      if (seen && (seen.distance < distance || !seen.upOnly || upOnly)) return;
      reached.set(key, { distance, upOnly });
      if (!seen) next.push(key);
    };
    for (const key of frontier) {
      const { upOnly } = reached.get(key) ?? { upOnly: false };
      for (const relation of corpus.relations) {
        if (relation.from === key) visit(relation.to, true);
        if (relation.to === key && !upOnly) visit(relation.from, false);
      }
    }
    frontier = next;
  }
  const nodes = corpus.nodes.filter((n) => reached.has(n.key));
  return { ...viewOf(corpus, "focus", nodes), focus, depth: steps };
}

function viewOf(corpus: CorpusModel, kind: MapView["kind"], nodes: readonly MapNode[]): MapView {
  const shown = new Set(nodes.map((n) => n.key));
  const relations = corpus.relations.filter((r) => shown.has(r.from) && shown.has(r.to));
  const hidden = new Map<string, HiddenNeighbours>();
  for (const node of nodes) {
    const counts = hiddenNeighbours(corpus, node, shown);
    if (counts.supporters + counts.objections + counts.rebuttals > 0) hidden.set(node.key, counts);
  }
  return { kind, nodes, relations, hidden };
}

function hiddenNeighbours(
  corpus: CorpusModel,
  node: MapNode,
  shown: ReadonlySet<string>,
): HiddenNeighbours {
  const unseen = (n: MapNode) => !shown.has(n.key);
  const objections = corpus.attackersOf(node.key).filter(unseen);
  return {
    supporters: corpus.supportersOf(node.key).filter(unseen).length,
    objections: objections.length,
    unanswered: objections.filter((o) => corpus.rebuttalsOf(o.key).length === 0).length,
    rebuttals: corpus.rebuttalsOf(node.key).filter(unseen).length,
  };
}

/** How a student's focus text was understood. */
export type FocusResolution =
  | { readonly kind: "exact"; readonly node: MapNode }
  /** A typo of a pillar or node name, corrected. */
  | { readonly kind: "corrected"; readonly node: MapNode; readonly from: string }
  /** Not a name: the node whose words match best. */
  | { readonly kind: "searched"; readonly node: MapNode }
  | { readonly kind: "none"; readonly suggestions: readonly string[] };

/**
 * Resolves a focus: a pillar name or alias, a node id or label, a typo of one of those, or words
 * from a node (the best search match).
 */
export function resolveFocus(core: Core, input: string): FocusResolution {
  const { corpus } = core;
  const byId = corpus.node(input.trim().toLowerCase());
  if (byId) return { kind: "exact", node: byId };
  const pillar = resolvePillar(core, input);
  if (pillar.kind === "exact") return { kind: "exact", node: pillar.value };
  const named = resolveByName(corpus.nodes, input);
  if (named.kind === "exact") return { kind: "exact", node: named.value };
  if (pillar.kind === "corrected") return { kind: "corrected", node: pillar.value, from: input };
  if (named.kind === "corrected") return { kind: "corrected", node: named.value, from: input };
  const searched = nameKey(input) ? core.search.searchNodes(input)[0]?.node : undefined;
  if (searched) return { kind: "searched", node: searched };
  // resolveByName offers every node when none is close: then the pillars are the better start.
  const near = named.suggestions.length < corpus.nodes.length ? named.suggestions.slice(0, 3) : [];
  const pillars = corpus.nodesOfKind("pillar").map((p) => p.id);
  return { kind: "none", suggestions: [...new Set([...near, ...pillars])] };
}
