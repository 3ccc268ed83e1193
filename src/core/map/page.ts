/**
 * What the web page of the argument map shows, decided here so the web adapter only lays it out:
 * which reading, which view (a reading's whole argument, every node drawn, or the view around a
 * focus resolved exactly as `/map` resolves it), and for every node drawn what its panel says.
 * Prose here is ours, like every command's titles and notes.
 */
import type { DocumentRef, Excerpt, NodeRef } from "../answer.js";
import type { Core } from "../core.js";
import type { MapNode } from "../corpus/model.js";
import type { RelationType } from "../corpus/schema.js";
import { documentRefs, nodeExcerpts, nodeRef } from "../excerpts.js";
import { shorten } from "../input.js";
import { closest } from "../suggest.js";
import { describeView } from "./describe.js";
import { focusView, type MapView, readingView, resolveFocus } from "./select.js";
import { NODE_STYLES, type NodeLook, nodeLook } from "./style.js";

/** Steps around a focus when the page is not told: the same as `/map`. */
export const DEFAULT_PAGE_DEPTH = 2;

export interface MapPageRequest {
  /** A document id, or a near miss of one. */
  readonly reading?: string;
  /** A node id, a pillar name or words, as `/map focus:` takes them. */
  readonly focus?: string;
  /** 1 to `MAX_DEPTH` (select.ts). */
  readonly depth?: number;
}

/** A node the panel points to, with how it is related. */
export interface RelatedNode {
  readonly relation: RelationType;
  readonly node: NodeRef;
}

/** Everything the panel of one drawn node shows. */
export interface NodeDetails {
  readonly node: NodeRef;
  /** How it is drawn; the editors' open points apart from the objections the author answers. */
  readonly look: NodeLook;
  /** Ours: the kind's name as the legend gives it. */
  readonly lookName: string;
  /** Ours. */
  readonly summary: string | undefined;
  /** Ours: what the panel says about where this point comes from, e.g. for open points. */
  readonly note: string | undefined;
  /** The node's verbatim quotes, each with its citation. */
  readonly quotes: readonly Excerpt[];
  /** Paragraphs its quotes come from: a search that finds one of them finds this node. */
  readonly paragraphs: readonly number[];
  /** What argues for or against it: supporters, objections, the author's answers. */
  readonly incoming: readonly RelatedNode[];
  /** What it argues for or against. */
  readonly outgoing: readonly RelatedNode[];
  /** The chat command that answers about the same node, e.g. `/claim coal-speed`. */
  readonly command: string;
}

export interface MapPage {
  readonly reading: DocumentRef;
  /** Every reading, for a reading switcher. */
  readonly readings: readonly DocumentRef[];
  readonly view: MapView;
  /** Ours: the page heading. */
  readonly title: string;
  /** Ours: how the request was understood (a corrected or searched focus). */
  readonly notes: readonly string[];
  /** Set when the focus matched no node: the whole reading is shown instead. */
  readonly unknownFocus?: { readonly input: string; readonly suggestions: readonly string[] };
  /** Ours: a text alternative for the picture. */
  readonly description: string;
  readonly nodes: readonly NodeDetails[];
}

export type MapPageOutcome =
  | { readonly kind: "page"; readonly page: MapPage }
  | {
      readonly kind: "unknown-reading";
      readonly input: string;
      /** Near misses first, then every reading. */
      readonly suggestions: readonly DocumentRef[];
    };

/**
 * The page for a request.
 *
 * @example
 * const outcome = mapPage(core, { focus: "coalition" });
 * if (outcome.kind === "page") console.log(outcome.page.view.focus?.id); // "coalition"
 */
export function mapPage(core: Core, request: MapPageRequest): MapPageOutcome {
  const { corpus } = core;
  const readings = documentRefs(
    core,
    [],
    corpus.documents.map((d) => d.id),
  );
  let reading = readings[0];
  if (request.reading !== undefined) {
    const wanted = request.reading.trim().toLowerCase();
    const exact = readings.find((r) => r.id === wanted);
    if (!exact) {
      const near = closest(
        wanted,
        readings.map((r) => r.id),
      );
      const suggestions = [
        ...near.flatMap((id) => readings.filter((r) => r.id === id)),
        ...readings.filter((r) => !near.includes(r.id)),
      ];
      return { kind: "unknown-reading", input: request.reading, suggestions };
    }
    reading = exact;
  }
  if (!reading) return { kind: "unknown-reading", input: request.reading ?? "", suggestions: [] };

  const notes: string[] = [];
  let view: MapView | undefined;
  let unknownFocus: MapPage["unknownFocus"];
  const depth = request.depth ?? DEFAULT_PAGE_DEPTH;
  if (request.focus !== undefined) {
    const found = resolveFocus(core, request.focus);
    if (found.kind === "none") {
      unknownFocus = { input: request.focus, suggestions: found.suggestions };
    } else {
      if (found.kind === "corrected")
        notes.push(
          `No node “${shorten(request.focus, 40)}” — did you mean ${found.node.id}? Showing ${found.node.id}.`,
        );
      if (found.kind === "searched")
        notes.push(
          `Focused on the best match for “${shorten(request.focus, 60)}”: ${found.node.label} (id ${found.node.id}).`,
        );
      view = focusView(corpus, found.node, depth);
      reading = readings.find((r) => r.id === found.node.documentId) ?? reading;
    }
  }
  if (request.focus === undefined && request.depth !== undefined)
    notes.push("depth applies only around a focus, so the whole argument is shown.");
  view ??= readingView(corpus, reading.id);
  const focus = view.focus;
  const title = focus
    ? `Argument map around: ${focus.label}`
    : `Argument map: the whole argument of “${shorten(reading.title, 80)}”`;
  return {
    kind: "page",
    page: {
      reading,
      readings,
      view,
      title,
      notes,
      ...(unknownFocus ? { unknownFocus } : {}),
      description: describeView(view),
      nodes: view.nodes.map((node) => nodeDetails(core, node)),
    },
  };
}

/** The panel of one node: our words, the author's quotes, and its neighbours in the whole map. */
export function nodeDetails(core: Core, node: MapNode): NodeDetails {
  const { corpus } = core;
  const look = nodeLook(node);
  const incoming = corpus.relations
    .filter((r) => r.to === node.key)
    .flatMap((r) => related(core, r.from, r.type));
  const outgoing = corpus.relations
    .filter((r) => r.from === node.key)
    .flatMap((r) => related(core, r.to, r.type));
  return {
    node: nodeRef(node),
    look,
    lookName: NODE_STYLES[look].name,
    summary: node.summary,
    note:
      look === "open-point"
        ? "An open point the editors raise (ours): the author does not make this objection, and the text leaves it unanswered. The quote is the passage it is about."
        : undefined,
    quotes: nodeExcerpts(node),
    paragraphs: [...new Set(node.quotes.map((q) => q.source.paragraph))],
    incoming,
    outgoing,
    command: chatCommand(node),
  };
}

function related(core: Core, key: string, relation: RelationType): RelatedNode[] {
  const other = core.corpus.node(key);
  return other ? [{ relation, node: nodeRef(other) }] : [];
}

/**
 * The page's address for a view: the whole map of a reading, or the map around `focus`.
 *
 * @example
 * mapPageUrl("https://bot.example.edu", { focus: "coalition" }) // "https://bot.example.edu/map?focus=coalition"
 */
export function mapPageUrl(
  base: string,
  view: {
    readonly focus?: string | undefined;
    readonly depth?: number | undefined;
    readonly reading?: string | undefined;
  },
): string {
  const params = new URLSearchParams();
  if (view.reading) params.set("reading", view.reading);
  if (view.focus) params.set("focus", view.focus);
  if (view.focus && view.depth && view.depth !== DEFAULT_PAGE_DEPTH)
    params.set("depth", String(view.depth));
  const query = params.toString();
  return `${base.replace(/\/+$/, "")}/map${query ? `?${query}` : ""}`;
}

/** The command a student would type in chat for the same node. */
export function chatCommand(node: Pick<MapNode, "kind" | "id">): string {
  if (node.kind === "pillar") return `/pillar ${node.id}`;
  if (node.kind === "objection") return `/counter ${node.id}`;
  // Context nodes frame the piece (its series, its disclaimer): /sources is where chat says that.
  if (node.kind === "context") return "/sources";
  return `/claim ${node.id}`;
}
