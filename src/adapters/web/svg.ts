/**
 * The map picture for the page: the core's DOT (every node a link with a stable id), laid out by
 * Graphviz through the core's renderer, made ready to sit inside an HTML page. Views are few (a
 * reading's whole map, or a node and a depth), so each picture is laid out once and kept.
 */
import type { MapNode } from "../../core/corpus/model.js";
import { toDot } from "../../core/map/dot.js";
import { dotToSvg } from "../../core/map/render.js";
import type { MapView } from "../../core/map/select.js";

export type NodeLink = (node: MapNode) => string;

/**
 * Graphviz's SVG without its XML prolog, doctype, comments and titles, with the root marked for the page:
 * a labelled group (not `role="img"`, which would hide the node links inside from assistive
 * technology).
 */
export function inlineSvg(svg: string, label: string): string {
  const start = svg.indexOf("<svg");
  // Graphviz titles every node and edge with its internal name (`doc/node-id`), which browsers
  // would show on hover; the page's script titles each node link with its label instead.
  const body = (start >= 0 ? svg.slice(start) : svg)
    .replace(/<!--[\s\S]*?-->\n?/g, "")
    .replace(/<title>[^<]*<\/title>\n?/g, "");
  const escaped = label
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  return body.replace(
    /^<svg\b/,
    `<svg class="map-svg" id="map-svg" role="group" aria-label="${escaped}"`,
  );
}

export class MapPictures {
  readonly #cache = new Map<string, Promise<string>>();

  constructor(private readonly link: NodeLink) {}

  /** The page-ready SVG of a view; `label` is its text alternative. */
  picture(view: MapView, label: string): Promise<string> {
    const key = [view.kind, view.nodes[0]?.documentId, view.focus?.key, view.depth].join("|");
    let svg = this.#cache.get(key);
    if (!svg) {
      svg = dotToSvg(toDot(view, { legend: false, link: this.link }));
      // A failed layout is not kept: the next request tries again.
      svg.catch(() => this.#cache.delete(key));
      this.#cache.set(key, svg);
    }
    return svg.then((text) => inlineSvg(text, label));
  }
}
