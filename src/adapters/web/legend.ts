/**
 * The page's legend, drawn from the same style tables as the picture, so it cannot disagree with
 * it: a swatch per kind of node and a line sample per relation type (inline SVG with presentation
 * attributes: the page's CSP allows no inline style).
 */
import type { RelationType } from "../../core/corpus/schema.js";
import type { MapView } from "../../core/map/select.js";
import { NODE_STYLES, type NodeLook, nodeLook, RELATION_STYLES } from "../../core/map/style.js";
import { html, type SafeHtml } from "./html.js";

const DASH = "6,4";

function nodeSwatch(look: NodeLook): SafeHtml {
  const style = NODE_STYLES[look];
  const dashed = style.style.includes("dashed");
  const rounded = style.style.includes("rounded");
  return html`<svg class="swatch" width="34" height="22" viewBox="0 0 34 22" aria-hidden="true" focusable="false"><rect x="2" y="2" width="30" height="18" rx="${rounded ? 5 : 0}" fill="${style.fill}" stroke="${style.border}" stroke-width="${Math.max(1.5, style.penwidth)}"${dashed ? html` stroke-dasharray="${DASH}"` : ""}/>${style.style.includes("diagonals") ? html`<path d="M2 8 L8 2 M26 20 L32 14" stroke="${style.border}" stroke-width="1.5"/>` : ""}</svg>`;
}

function lineSwatch(type: RelationType): SafeHtml {
  const style = RELATION_STYLES[type];
  const head =
    style.arrow === "tee"
      ? html`<path d="M6 4 L6 18" stroke="${style.color}" stroke-width="3"/>`
      : html`<path d="M2 11 L12 5 L12 17 Z" fill="${style.color}"/>`;
  return html`<svg class="swatch" width="54" height="22" viewBox="0 0 54 22" aria-hidden="true" focusable="false">${head}<path d="M8 11 L52 11" stroke="${style.color}" stroke-width="${style.penwidth + 0.4}"${style.style === "dashed" ? html` stroke-dasharray="${DASH}"` : ""}/></svg>`;
}

/** Words for each relation in the legend (ours): read from the arrow's tail to its head. */
const RELATION_WORDS: Readonly<Record<RelationType, string>> = {
  supports: "supports: a reason for the point the arrow reaches",
  attacks: "attacks: an objection to it",
  undercuts: "undercuts: questions the link to it",
  rebuts: "rebuts: the author's answer to an objection",
};

/** The kinds and relation types a view draws, in the style tables' order. */
export function legendEntries(view: MapView): { looks: NodeLook[]; types: RelationType[] } {
  const looks = (Object.keys(NODE_STYLES) as NodeLook[]).filter((look) =>
    view.nodes.some((n) => nodeLook(n) === look),
  );
  const types = (Object.keys(RELATION_STYLES) as RelationType[]).filter((t) =>
    view.relations.some((r) => r.type === t),
  );
  return { looks, types };
}

export function legend(view: MapView): SafeHtml {
  const { looks, types } = legendEntries(view);
  return html`<section class="legend" aria-labelledby="legend-heading">
<h2 id="legend-heading">Legend <span class="ours">(ours)</span></h2>
<ul class="legend-kinds">${looks.map((look) => html`<li class="${`look-${look}`}">${nodeSwatch(look)}<span>${NODE_STYLES[look].name}</span></li>`)}</ul>
<ul class="legend-relations">${types.map((type) => html`<li>${lineSwatch(type)}<span>${RELATION_WORDS[type]}</span></li>`)}</ul>
<p class="legend-note">Arrows point at the point argued about. ¶n: the paragraph of the author's quote. Labels, kinds and the drawing are ours; quotes are the author's.</p>
</section>`;
}
