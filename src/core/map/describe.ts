/**
 * Words about a map view (all ours): counts for notes and a text alternative for the picture, so
 * a student who cannot see the image still learns what it shows.
 */
import { NODE_KINDS, type NodeKind, RELATION_TYPES } from "../corpus/schema.js";
import { shorten } from "../input.js";
import type { MapView } from "./select.js";

/** Platforms cap a file's description (Discord: 1024 characters). */
const MAX_DESCRIPTION = 1000;

const KIND_WORDS: Readonly<Record<NodeKind, readonly [string, string]>> = {
  thesis: ["thesis", "theses"],
  pillar: ["pillar", "pillars"],
  claim: ["claim", "claims"],
  evidence: ["piece of evidence", "pieces of evidence"],
  objection: ["objection", "objections"],
  rebuttal: ["rebuttal", "rebuttals"],
  context: ["context note", "context notes"],
};

/** "1 thesis, 3 pillars, 26 claims". */
export function countNodes(view: MapView): string {
  return NODE_KINDS.map((kind) => [kind, view.nodes.filter((n) => n.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${KIND_WORDS[kind][count === 1 ? 0 : 1]}`)
    .join(", ");
}

/** "28 supports, 3 attacks". */
export function countRelations(view: MapView): string {
  const counts = RELATION_TYPES.map(
    (type) => [type, view.relations.filter((r) => r.type === type).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${count} ${count === 1 ? type.replace(/s$/, "") : type}`);
  return counts.length ? counts.join(", ") : "no relations";
}

/** A text alternative for the picture: what it shows and, for a focus, its direct links. */
export function describeView(view: MapView): string {
  const focus = view.focus;
  const head = focus
    ? `Argument map (our drawing) around “${focus.label}” (${focus.kind}), ${view.depth} ${view.depth === 1 ? "step" : "steps"} out`
    : "Argument map (our drawing) of the whole argument";
  const parts = [`${head}: ${countNodes(view)}; ${countRelations(view)}.`];
  if (focus) {
    const label = (key: string) => view.nodes.find((n) => n.key === key)?.label ?? key;
    const links = view.relations
      .filter((r) => r.from === focus.key || r.to === focus.key)
      .map((r) =>
        r.to === focus.key ? `“${label(r.from)}” ${r.type} it` : `it ${r.type} “${label(r.to)}”`,
      );
    if (links.length) parts.push(`Directly linked: ${links.join("; ")}.`);
  }
  return shorten(parts.join(" "), MAX_DESCRIPTION);
}
