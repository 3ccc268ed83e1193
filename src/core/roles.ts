/**
 * What a map node is in the argument, in our words. A label alone can read as the author's
 * claim even when it names a position she argues against ("Arming Ukraine is enough"), so
 * wherever a label heads her words it says the node's role.
 */
import type { MapNode } from "./corpus/model.js";

export type NodeRole =
  | "thesis"
  | "pillar"
  | "claim"
  | "evidence"
  | "objection"
  | "open-point"
  | "rebuttal"
  | "context";

/** Objections the editors raise and the text leaves open carry this tag in `map.yaml`. */
export const OPEN_POINT_TAG = "unanswered";

export function roleOf(node: MapNode): NodeRole {
  if (node.kind === "objection" && node.tags.includes(OPEN_POINT_TAG)) return "open-point";
  return node.kind;
}

/** Ours: how each role is named where a label heads an excerpt. */
export const ROLE_NAMES: Readonly<Record<NodeRole, string>> = {
  thesis: "The author's thesis",
  pillar: "A pillar of the author's case",
  claim: "The author's claim",
  evidence: "The author's evidence",
  objection: "An objection the author answers and rejects",
  "open-point": "An open point the editors raise (the text does not)",
  rebuttal: "The author's answer to an objection",
  context: "About the piece",
};

/** Ours: a node's label with its role, e.g. "An objection the author answers and rejects: …". */
export function roleLabel(node: MapNode): string {
  return `${ROLE_NAMES[roleOf(node)]}: ${node.label}`;
}
