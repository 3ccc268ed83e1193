/**
 * Finding what a student means: a pillar from an alias or a typo, a node from an id or words.
 * Pure functions returning outcomes; the words shown to users are chosen by the commands.
 */
import type { Core } from "./core.js";
import type { MapNode } from "./corpus/model.js";
import type { NodeKind } from "./corpus/schema.js";
import { NAMED } from "./readings.js";
import { closest } from "./suggest.js";

/** Kinds that make up the argument itself: everything but the framing context. */
export const ARGUMENT_KINDS: readonly NodeKind[] = [
  "thesis",
  "pillar",
  "claim",
  "evidence",
  "rebuttal",
  "objection",
];

export type Resolution<T> =
  | { readonly kind: "exact"; readonly value: T }
  /** Not an exact name, but one candidate is clearly meant (a typo). */
  | { readonly kind: "corrected"; readonly value: T; readonly from: string }
  | { readonly kind: "none"; readonly suggestions: readonly string[] };

/** Folds case, punctuation and spacing: "G-7" ≡ "g7", "Coalition of the Willing" ≡ "coalition of the willing". */
export function nameKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function namesOf(node: MapNode): string[] {
  return [node.id, node.label, ...node.aliases];
}

/** The folded names of a node; nodes never change, and resolving compares them on every call. */
function nameKeysOf(node: MapNode): readonly string[] {
  let keys = nameKeys.get(node);
  if (!keys) {
    keys = namesOf(node).map(nameKey);
    nameKeys.set(node, keys);
  }
  return keys;
}

const nameKeys = new WeakMap<MapNode, readonly string[]>();

/** Resolves a name among nodes by id, label or alias; typos resolve when one node is closest. */
export function resolveByName(nodes: readonly MapNode[], input: string): Resolution<MapNode> {
  const key = nameKey(input);
  if (!key) return { kind: "none", suggestions: nodes.map((n) => n.id) };
  const exact = nodes.find((n) => nameKeysOf(n).includes(key));
  if (exact) return { kind: "exact", value: exact };
  const byKey = new Map<string, MapNode>();
  for (const node of nodes) for (const name of nameKeysOf(node)) byKey.set(name, node);
  const near = closest(key, byKey.keys(), 5).map((k) => byKey.get(k) as MapNode);
  const distinct = [...new Set(near)];
  if (distinct.length === 1)
    return { kind: "corrected", value: distinct[0] as MapNode, from: input };
  return { kind: "none", suggestions: (distinct.length ? distinct : nodes).map((n) => n.id) };
}

/** How well a reading has a name (see `readings.ts`): exactly beats a corrected typo. */
export function resolutionMatch(found: Resolution<unknown>): number {
  return found.kind === "exact" ? NAMED : found.kind === "corrected" ? 1 : 0;
}

export function resolvePillar(core: Core, input: string): Resolution<MapNode> {
  return resolveByName(core.corpus.nodesOfKind("pillar"), input);
}

/** A node by id (or `doc/id`), by exact label, or else the best search match among `kinds`. */
export function resolveNode(
  core: Core,
  input: string,
  kinds?: readonly NodeKind[],
): MapNode | undefined {
  return namedNode(core, input, kinds) ?? core.search.searchNodes(input, kinds)[0]?.node;
}

/** A node named by its id (or `doc/id`) or its exact label or alias, among `kinds`. */
export function namedNode(
  core: Core,
  input: string,
  kinds?: readonly NodeKind[],
): MapNode | undefined {
  const allowed = (node: MapNode | undefined): node is MapNode =>
    !!node && (!kinds || kinds.includes(node.kind));
  const byId = core.corpus.node(input.trim().toLowerCase());
  if (allowed(byId)) return byId;
  const key = nameKey(input);
  return core.corpus.nodes.find((n) => allowed(n) && nameKeysOf(n).includes(key));
}

/**
 * How well a reading has the node `input` asks for, to pick a reading (see `readings.ts`):
 * {@link NAMED} when a node has that id or name, else the best search score, 0 for none.
 */
export function nodeMatch(core: Core, input: string, kinds?: readonly NodeKind[]): number {
  if (namedNode(core, input, kinds)) return NAMED;
  return core.search.searchNodes(input, kinds)[0]?.score ?? 0;
}
