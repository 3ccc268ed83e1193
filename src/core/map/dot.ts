/**
 * A map view as Graphviz DOT. Left to right, conclusions on the left: every arrow points from a
 * reason (or objection, or answer) back to the node it argues about. Labels are ours (short
 * labels and kinds) plus the paragraph numbers of the author's quotes; a legend names every shape
 * and line style used.
 */
import type { MapNode, Relation } from "../corpus/model.js";
import type { RelationType } from "../corpus/schema.js";
import { attributes, dotString, htmlText, wrapWords } from "./dot-syntax.js";
import type { HiddenNeighbours, MapView } from "./select.js";
import { MAP_FONT, NODE_STYLES, type NodeLook, nodeLook, RELATION_STYLES } from "./style.js";

export interface DotOptions {
  /** Ours: a heading drawn above the map. */
  readonly title?: string;
  /** Draw the legend (default true). */
  readonly legend?: boolean;
  /**
   * For a picture shown in a web page: each node becomes a link to `link(node)`, with a stable
   * element id ({@link nodeElementId}) and a class naming how it is drawn, so a script can find it.
   */
  readonly link?: (node: MapNode) => string;
}

/** The SVG element id of a node drawn with {@link DotOptions.link}. */
export function nodeElementId(node: Pick<MapNode, "key">): string {
  return `node:${node.key}`;
}

/** Label lines are wrapped at about this many characters, so no column grows wide. */
const LABEL_WIDTH = 26;
const LABEL_LINES = 4;

/**
 * The DOT source for a view.
 *
 * @example
 * const dot = toDot(focusView(core.corpus, pillar, 2), { title: "Around the coalition" });
 */
export function toDot(view: MapView, options: DotOptions = {}): string {
  const lines: string[] = [
    "digraph argument_map {",
    `  graph${attributes({
      rankdir: "LR",
      newrank: "true",
      nodesep: 0.18,
      ranksep: 0.55,
      pad: 0.25,
      bgcolor: "white",
      fontname: MAP_FONT,
      fontsize: 15,
      labelloc: "t",
      labeljust: "l",
      label: options.title?.trim() ? { html: `<B>${htmlText(options.title)}</B>` } : undefined,
    })};`,
    `  node${attributes({ fontname: MAP_FONT, fontsize: 11, margin: "0.12,0.06", color: "#495057" })};`,
    // Edges are written conclusion -> reason and drawn backwards, so conclusions rank left.
    `  edge${attributes({ dir: "back", arrowsize: 0.9, fontname: MAP_FONT, fontsize: 10 })};`,
  ];
  for (const node of view.nodes) {
    const focused = node.key === view.focus?.key;
    lines.push(`  ${nodeStatement(node, view.hidden.get(node.key), focused, options.link)}`);
  }
  for (const relation of view.relations) lines.push(`  ${edgeStatement(relation)}`);
  if (options.legend !== false) lines.push(...legend(view));
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function nodeStatement(
  node: MapNode,
  hidden: HiddenNeighbours | undefined,
  focused: boolean,
  link: DotOptions["link"],
): string {
  const look = nodeLook(node);
  const style = NODE_STYLES[look];
  return `${dotString(node.key)}${attributes({
    label: { html: nodeLabel(node, hidden) },
    shape: style.shape,
    style: style.style,
    fillcolor: style.fill,
    color: style.border,
    penwidth: focused ? 4 : style.penwidth,
    tooltip: link ? `${node.label} (${style.name})` : node.id,
    ...(link ? { id: nodeElementId(node), class: `look-${look}`, URL: link(node) } : {}),
  })};`;
}

/** Our label in bold, then the kind and the paragraphs its quotes come from, then what is left out. */
export function nodeLabel(node: MapNode, hidden?: HiddenNeighbours): string {
  // Graphviz rejects an empty <B></B>: fall back to the id, then to a placeholder.
  const words = wrapWords(node.label, LABEL_WIDTH, LABEL_LINES);
  const titleLines = words.length ? words : wrapWords(node.id, LABEL_WIDTH, LABEL_LINES);
  const title = (titleLines.length ? titleLines : ["(no label)"]).map(htmlText).join("<BR/>");
  const lines = [
    `<B>${title}</B>`,
    small(`${NODE_STYLES[nodeLook(node)].name} · ${citations(node)}`, "#495057"),
  ];
  const note = hidden ? hiddenNote(hidden) : "";
  if (note) lines.push(...wrapWords(note, LABEL_WIDTH + 6, 2).map((l) => small(l, "#862e9c")));
  return lines.join("<BR/>");
}

/** "¶2, ¶3": where the node's verbatim quotes are; "no quote" for a point only we state. */
export function citations(node: MapNode): string {
  const paragraphs = [...new Set(node.quotes.map((q) => q.source.paragraph))];
  return paragraphs.length ? paragraphs.map((p) => `¶${p}`).join(", ") : "no quote";
}

/** Ours: "+2 supporting · 3 objections (1 unanswered)". */
export function hiddenNote(hidden: HiddenNeighbours): string {
  const parts: string[] = [];
  if (hidden.supporters) parts.push(`+${hidden.supporters} supporting`);
  if (hidden.objections) {
    const open = hidden.unanswered ? ` (${hidden.unanswered} unanswered)` : "";
    parts.push(
      `${hidden.objections} ${hidden.objections === 1 ? "objection" : "objections"}${open}`,
    );
  }
  if (hidden.rebuttals)
    parts.push(`${hidden.rebuttals} ${hidden.rebuttals === 1 ? "answer" : "answers"}`);
  return parts.join(" · ");
}

function small(text: string, color: string): string {
  return `<FONT POINT-SIZE="9" COLOR="${color}">${htmlText(text)}</FONT>`;
}

function edgeStatement(relation: Relation): string {
  const style = RELATION_STYLES[relation.type];
  return `${dotString(relation.to)} -> ${dotString(relation.from)}${attributes({
    color: style.color,
    style: style.style,
    penwidth: style.penwidth,
    arrowtail: style.arrow,
    tooltip: `${relation.from} ${relation.type} ${relation.to}`,
  })};`;
}

/** Arrowheads as glyphs for the legend's line samples. */
const ARROW_GLYPHS: Readonly<Record<string, string>> = { normal: "▶", tee: "┫" };

/**
 * A short line in the relation's colour and style, drawn with table-cell top borders (dashes are
 * every other cell: Graphviz's own dashed cell style garbles its xdot and JSON output).
 */
function lineSample(color: string, style: string, arrow: string): string {
  const head = `<FONT COLOR="${color}" POINT-SIZE="12">${ARROW_GLYPHS[arrow] ?? "▶"}</FONT>`;
  const segments = style === "dashed" ? [true, false, true, false, true] : [true];
  const width = 30 / segments.length;
  const line = segments
    .map((drawn) =>
      drawn
        ? `<TD SIDES="T" BORDER="2" COLOR="${color}" HEIGHT="7" WIDTH="${width}"></TD>`
        : `<TD HEIGHT="7" WIDTH="${width}"></TD>`,
    )
    .join("");
  return [
    '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">',
    `<TR><TD HEIGHT="7" COLSPAN="${segments.length}"></TD><TD ROWSPAN="2">${head}</TD></TR>`,
    `<TR>${line}</TR>`,
    "</TABLE>",
  ].join("");
}

/**
 * A legend of the kinds and relation types this view uses: one table node in a framed cluster,
 * so it stays compact wherever Graphviz puts it.
 */
function legend(view: MapView): string[] {
  const kinds = (Object.keys(NODE_STYLES) as NodeLook[]).filter((k) =>
    view.nodes.some((n) => nodeLook(n) === k),
  );
  const types = (Object.keys(RELATION_STYLES) as RelationType[]).filter((t) =>
    view.relations.some((r) => r.type === t),
  );
  const rows: string[] = [];
  for (let i = 0; i < Math.max(kinds.length, types.length); i++) {
    const kind = kinds[i];
    const type = types[i];
    const node = kind ? NODE_STYLES[kind] : undefined;
    const edge = type ? RELATION_STYLES[type] : undefined;
    const kindCell = node
      ? `<TD BORDER="1" COLOR="${node.border}" BGCOLOR="${node.fill}">${htmlText(node.name)}</TD>`
      : "<TD></TD>";
    const edgeCells = edge
      ? `<TD>${lineSample(edge.color, edge.style, edge.arrow)}</TD><TD ALIGN="LEFT">${htmlText(edge.name)}</TD>`
      : "<TD></TD><TD></TD>";
    rows.push(`<TR>${kindCell}${edgeCells}</TR>`);
  }
  const table = `<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="2">${rows.join("")}</TABLE>`;
  return [
    "  subgraph cluster_legend {",
    `    graph${attributes({
      label: {
        html: `<B>Legend</B> (ours)<BR ALIGN="LEFT"/>${htmlText("¶n: paragraph of the author's quote")}<BR ALIGN="LEFT"/>`,
      },
      labeljust: "l",
      fontsize: 10,
      style: "rounded",
      color: "#adb5bd",
      margin: 6,
    })};`,
    `    legend${attributes({ label: { html: table }, shape: "plain", fontsize: 10 })};`,
    "  }",
  ];
}
