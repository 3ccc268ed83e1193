/**
 * The map's visual vocabulary: one shape and colour per node kind, one line style and colour per
 * relation type. The legend is drawn from the same tables, so it cannot disagree with the map.
 */
import type { MapNode } from "../corpus/model.js";
import type { NodeKind, RelationType } from "../corpus/schema.js";

/** The font every label is measured and drawn in; shipped with the project (dejavu-fonts-ttf). */
export const MAP_FONT = "DejaVu Sans";

export interface NodeStyle {
  /** Ours: the kind's name in labels and the legend. */
  readonly name: string;
  readonly shape: string;
  readonly style: string;
  readonly fill: string;
  readonly border: string;
  readonly penwidth: number;
}

/**
 * How a node is drawn: its kind, except that the editors' open points (objections tagged
 * `unanswered`, which the author never raises) are drawn apart from the objections she answers.
 */
export type NodeLook = NodeKind | "open-point";

/** The tag that marks an objection as the editors' own open point (see corpus map.yaml). */
export const OPEN_POINT_TAG = "unanswered";

export function isOpenPoint(node: Pick<MapNode, "kind" | "tags">): boolean {
  return node.kind === "objection" && node.tags.includes(OPEN_POINT_TAG);
}

export function nodeLook(node: Pick<MapNode, "kind" | "tags">): NodeLook {
  return isOpenPoint(node) ? "open-point" : node.kind;
}

export const NODE_STYLES: Readonly<Record<NodeLook, NodeStyle>> = {
  thesis: {
    name: "thesis",
    shape: "box",
    style: "rounded,filled",
    fill: "#fff3bf",
    border: "#e67700",
    penwidth: 2.5,
  },
  pillar: {
    name: "pillar",
    shape: "box",
    style: "filled",
    fill: "#d0ebff",
    border: "#1864ab",
    penwidth: 2,
  },
  claim: {
    name: "claim",
    shape: "box",
    style: "rounded,filled",
    fill: "#ebfbee",
    border: "#2b8a3e",
    penwidth: 1.2,
  },
  evidence: {
    name: "evidence",
    shape: "note",
    style: "filled",
    fill: "#f1f3f5",
    border: "#495057",
    penwidth: 1,
  },
  objection: {
    name: "objection",
    shape: "box",
    style: "filled,diagonals",
    fill: "#ffe3e3",
    border: "#c92a2a",
    penwidth: 1.5,
  },
  "open-point": {
    name: "open point (editors')",
    shape: "box",
    style: "filled,dashed",
    fill: "#fff4e6",
    border: "#d9480f",
    penwidth: 2,
  },
  rebuttal: {
    name: "rebuttal",
    shape: "box",
    style: "rounded,filled",
    fill: "#f3f0ff",
    border: "#5f3dc4",
    penwidth: 1.5,
  },
  context: {
    name: "context",
    shape: "box",
    style: "filled,dashed",
    fill: "#f8f9fa",
    border: "#868e96",
    penwidth: 1,
  },
};

export interface EdgeStyle {
  /** Ours: the legend's words for the relation, read from the arrow's tail to its head. */
  readonly name: string;
  readonly color: string;
  readonly style: string;
  /** The arrow at the node argued about. */
  readonly arrow: string;
  readonly penwidth: number;
}

export const RELATION_STYLES: Readonly<Record<RelationType, EdgeStyle>> = {
  supports: { name: "supports", color: "#2b8a3e", style: "solid", arrow: "normal", penwidth: 1.6 },
  attacks: { name: "attacks", color: "#c92a2a", style: "solid", arrow: "tee", penwidth: 2 },
  undercuts: { name: "undercuts", color: "#d9480f", style: "dashed", arrow: "tee", penwidth: 2 },
  rebuts: { name: "rebuts", color: "#5f3dc4", style: "dashed", arrow: "tee", penwidth: 2 },
};
