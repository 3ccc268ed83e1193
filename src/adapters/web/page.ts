/**
 * The map page as HTML: the core's {@link MapPage} laid out — heading, search box, the picture,
 * a panel per drawn node (hidden until the node is chosen), the legend and the source. Every
 * value goes through the escaping `html` template; our words are marked as ours, the author's
 * words are quotes with their citations.
 */
import type { DocumentRef, Excerpt } from "../../core/answer.js";
import { citeFull, longDate } from "../../core/cite.js";
import type { MapPage, NodeDetails, RelatedNode } from "../../core/map/page.js";
import { MAX_DEPTH } from "../../core/map/select.js";
import { ASSET_PATHS } from "./assets.js";
import { html, queryString, type SafeHtml, trustedMarkup } from "./html.js";
import { legend } from "./legend.js";

export const MAP_PATH = "/map";
export const SEARCH_PATH = "/map/search";

/** A link to the page; values are encoded here and escaped where the link is written. */
export function mapHref(params: { reading?: string; focus?: string; depth?: number }): string {
  return `${MAP_PATH}${queryString(params)}`;
}

/** The frame every page shares: head, stylesheet, script, skip link. */
export function documentShell(title: string, body: SafeHtml, options: { script?: boolean } = {}) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="${ASSET_PATHS.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${ASSET_PATHS.css}">
${options.script ? html`<script type="module" src="${ASSET_PATHS.script}"></script>` : ""}
</head>
<body>
<a class="skip-link" href="#main">Skip to the map</a>
${body}
</body>
</html>
`;
}

function citation(excerpt: Excerpt, readings: readonly DocumentRef[]): SafeHtml {
  const { source } = excerpt;
  const doc = readings.find((d) => d.id === source.documentId);
  const cite = `${doc ? doc.shortCite : source.documentId}, ¶${source.paragraph}`;
  return html`<footer>— <cite>${cite}</cite> · ${source.section}${source.sectionEditorial ? html` <span class="ours">(section name ours)</span>` : ""} · <a href="${source.url}" rel="noreferrer">source</a></footer>`;
}

export function quoteBlock(excerpt: Excerpt, readings: readonly DocumentRef[]): SafeHtml {
  const before = excerpt.elided?.before ? "… " : "";
  const after = excerpt.elided?.after ? " …" : "";
  return html`<blockquote class="quote" cite="${excerpt.source.url}" data-quote="${excerpt.quote}"><p>“${before}${excerpt.quote}${after}”</p>${citation(excerpt, readings)}</blockquote>`;
}

const INCOMING_HEADINGS: Readonly<Record<RelatedNode["relation"], string>> = {
  supports: "Supported by",
  attacks: "Challenged by",
  undercuts: "Challenged by",
  rebuts: "The author's answers",
};

const OUTGOING_HEADINGS: Readonly<Record<RelatedNode["relation"], string>> = {
  supports: "It supports",
  attacks: "It attacks",
  undercuts: "It undercuts",
  rebuts: "It answers",
};

function relatedLists(
  related: readonly RelatedNode[],
  headings: Readonly<Record<RelatedNode["relation"], string>>,
  page: MapPage,
): SafeHtml[] {
  const groups = new Map<string, RelatedNode[]>();
  for (const item of related) {
    const heading = headings[item.relation];
    groups.set(heading, [...(groups.get(heading) ?? []), item]);
  }
  return [...groups].map(
    ([heading, items]) =>
      html`<h4>${heading}</h4><ul class="related">${items.map(
        ({ node }) =>
          html`<li><a href="${mapHref({ reading: page.reading.id, focus: node.id })}" data-select="${node.key}">${node.label}</a> <span class="kind">(${node.kind})</span></li>`,
      )}</ul>`,
  );
}

function nodePanel(details: NodeDetails, page: MapPage): SafeHtml {
  const { node } = details;
  const headingId = `heading:${node.key}`;
  return html`<article class="node-detail" id="${`detail:${node.key}`}" data-key="${node.key}" data-document="${page.view.nodes.find((n) => n.key === node.key)?.documentId ?? page.reading.id}" data-paragraphs="${details.paragraphs.join(" ")}" aria-labelledby="${headingId}" tabindex="-1" hidden>
<h3 id="${headingId}">${node.label} <span class="ours">(our label)</span></h3>
<p class="kind ${`look-${details.look}`}">${details.lookName} · id <code>${node.id}</code></p>
${details.summary ? html`<p class="summary"><span class="ours">Our summary:</span> ${details.summary}</p>` : ""}
${details.note ? html`<p class="note">${details.note}</p>` : ""}
${
  details.quotes.length
    ? html`<h4>The author's words</h4>${details.quotes.map((q) => quoteBlock(q, page.readings))}`
    : html`<p class="note">No quote: the editors state this point in their own words (above).</p>`
}
${relatedLists(details.incoming, INCOMING_HEADINGS, page)}
${relatedLists(details.outgoing, OUTGOING_HEADINGS, page)}
<p class="chat-command">In chat: <code>${details.command}</code></p>
<p class="panel-links"><a href="${mapHref({ reading: page.reading.id, focus: node.id })}">Map around this point</a></p>
</article>`;
}

function notices(page: MapPage): SafeHtml {
  const missing = page.unknownFocus;
  return html`<div class="notices" role="status">
${page.notes.map((note) => html`<p class="notice"><span class="ours">Note (ours):</span> ${note}</p>`)}
${
  missing
    ? html`<p class="notice problem">No map node matches “<span class="user-text">${missing.input}</span>”, so the whole argument is shown. Did you mean: ${missing.suggestions.map(
        (id, i) =>
          html`${i ? ", " : ""}<a href="${mapHref({ reading: page.reading.id, focus: id })}">${id}</a>`,
      )}?</p>`
    : ""
}
</div>`;
}

function viewLinks(page: MapPage): SafeHtml {
  const { view, reading } = page;
  const focus = view.focus;
  const depth = view.depth ?? 2;
  const links: SafeHtml[] = [];
  if (focus) {
    links.push(html`<a href="${mapHref({ reading: reading.id })}">Whole argument</a>`);
    if (depth < MAX_DEPTH)
      links.push(
        html`<a href="${mapHref({ reading: reading.id, focus: focus.id, depth: depth + 1 })}">Wider view</a>`,
      );
    if (depth > 1)
      links.push(
        html`<a href="${mapHref({ reading: reading.id, focus: focus.id, depth: depth - 1 })}">Closer view</a>`,
      );
  }
  if (page.readings.length > 1)
    for (const other of page.readings)
      if (other.id !== reading.id)
        links.push(html`<a href="${mapHref({ reading: other.id })}">${other.shortCite}</a>`);
  return html`<nav class="view-links" aria-label="Views">${links.map((l, i) => html`${i ? " · " : ""}${l}`)}</nav>`;
}

function searchForm(): SafeHtml {
  return html`<form class="search" role="search" action="${SEARCH_PATH}" method="get" id="search-form">
<label for="search-input">Search the reading</label>
<input id="search-input" name="q" type="search" maxlength="300" autocomplete="off" placeholder="e.g. Is the JEF legally binding?">
<button type="submit">Search</button>
<button type="button" id="search-clear" hidden>Clear</button>
</form>`;
}

/** The whole page for a map request. */
export function renderMapPage(page: MapPage, svg: string): string {
  const { reading, view } = page;
  const body = html`<header class="page-header">
<h1>${page.title} <span class="ours">(our heading)</span></h1>
<p class="reading">Reading: ${reading.author}, <a href="${reading.url}" rel="noreferrer">“${reading.title}”</a>, ${reading.publisher}, ${longDate(reading.date)}.</p>
${viewLinks(page)}
${searchForm()}
</header>
${notices(page)}
<main id="main" class="layout" data-reading="${reading.id}" data-focus="${view.focus?.key ?? ""}">
<figure class="map">
<div class="map-tools"><button type="button" id="zoom-toggle" aria-pressed="false">Actual size</button></div>
<div class="canvas" id="canvas">${trustedMarkup(svg)}</div>
<figcaption><p>Choose a point (click it, or Tab to it and press Enter) to read the author's words.</p><details><summary>The map in words <span class="ours">(ours)</span></summary><p>${page.description}</p></details></figcaption>
</figure>
<aside class="panel" id="panel" aria-labelledby="panel-heading">
<button type="button" class="panel-close" id="panel-close">Close</button>
<h2 id="panel-heading">The chosen point</h2>
<p class="panel-empty" id="panel-empty">Choose a point on the map to see our summary, the author's words with their citations, what supports and what challenges it, and the chat command that gives the same answer.</p>
${page.nodes.map((details) => nodePanel(details, page))}
</aside>
</main>
<section class="results" id="results" aria-labelledby="results-heading" hidden>
<h2 id="results-heading">Search results</h2>
<p id="results-status" role="status"></p>
<div id="results-list"></div>
</section>
${legend(view)}
<footer class="page-footer">
<p>Source: ${citeFull(reading)}</p>
<p>Titles, labels, summaries, notes and the drawing are ours; text in quotation marks is the author's, verbatim, with its paragraph.</p>
</footer>`;
  return documentShell(page.title, body, { script: true }).text;
}

/** A page with a clear message and links onward, for bad requests and unknown paths. */
export function renderMessagePage(
  title: string,
  lines: readonly (string | SafeHtml)[],
  links: readonly { href: string; text: string }[] = [{ href: MAP_PATH, text: "The argument map" }],
): string {
  const body = html`<main id="main" class="message">
<h1>${title}</h1>
${lines.map((line) => html`<p>${line}</p>`)}
<ul>${links.map((l) => html`<li><a href="${l.href}">${l.text}</a></li>`)}</ul>
</main>`;
  return documentShell(title, body).text;
}
