/**
 * A reading's reference in the styles students hand in (APA, Chicago, MLA) and as a BibTeX
 * entry, formatted by Citation.js from the reading's metadata. The styles are the Citation Style
 * Language's own (APA ships with @citation-js/plugin-csl; Chicago author-date and MLA 9 come
 * from the rehype-citation package), so no reference format is written by hand here.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { CslItem, CslName } from "@citation-js/core";
import type { DocumentInfo } from "./corpus/model.js";

export const CITATION_STYLES = ["APA", "Chicago", "MLA", "BibTeX"] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export type FormattedCitations = Readonly<Record<CitationStyle, string>>;

type CitationJs = typeof import("@citation-js/core");
let library: CitationJs | undefined;

/** Citation.js and its styles load on first use: most commands never cite a whole reading. */
function citationJs(): CitationJs {
  if (library) return library;
  const require = createRequire(import.meta.url);
  const core = require("@citation-js/core") as CitationJs;
  require("@citation-js/plugin-csl");
  require("@citation-js/plugin-bibtex");
  const templates = core.plugins.config.get("@csl").templates;
  const styles = join(dirname(require.resolve("rehype-citation")), "styles");
  for (const [name, file] of [
    ["chicago", "chicago.js"],
    ["mla", "mla.js"],
  ] as const) {
    if (!templates.has(name)) templates.add(name, cslOf(join(styles, file)));
  }
  library = core;
  return core;
}

/** rehype-citation keeps each CSL style as `export default \`<?xml …>\``; the XML is what we need. */
function cslOf(file: string): string {
  const module = readFileSync(file, "utf8");
  const start = module.indexOf("`");
  const end = module.lastIndexOf("`");
  if (start < 0 || end <= start) throw new Error(`bibliography: no CSL style in ${file}`);
  return module.slice(start + 1, end).replaceAll("\\`", "`");
}

/** The reading as CSL-JSON, the input every Citation.js format reads. */
export function cslItem(doc: DocumentInfo): CslItem {
  const require = createRequire(import.meta.url);
  const { parse } = require("@citation-js/name") as typeof import("@citation-js/name");
  const [year, month, day] = doc.date.split("-").map(Number);
  const authors: CslName[] = doc.author
    .split(/\s*(?:;|&|\band\b)\s*/)
    .filter(Boolean)
    .map((name) => parse(name));
  return {
    id: doc.id,
    "citation-key": doc.id,
    type: "webpage",
    title: doc.title,
    author: authors,
    "container-title": doc.publisher,
    genre: doc.genre,
    issued: { "date-parts": [[year ?? 1970, month ?? 1, day ?? 1]] },
    ...(doc.url ? { URL: doc.url } : {}),
  };
}

/**
 * @example
 * citations(core.corpus.documents[0]).APA
 * // "Anisova, K. (2023, December 6). No need to wait: … [Commentary]. European Leadership Network. https://…"
 */
export function citations(doc: DocumentInfo): FormattedCitations {
  let known = formatted.get(doc);
  if (!known) {
    known = format(doc);
    formatted.set(doc, known);
  }
  return known;
}

/**
 * Citation.js compiles each CSL style on first use (~1.4 s for the three on our machine; later
 * readings take ~50 ms), so a reading's citations are formatted once per process.
 */
const formatted = new WeakMap<DocumentInfo, FormattedCitations>();

function format(doc: DocumentInfo): FormattedCitations {
  const { Cite } = citationJs();
  const item = cslItem(doc);
  const cite = new Cite(item);
  const style = (template: string): string =>
    cite.format("bibliography", { format: "text", template, lang: "en-US" }).trim();
  return {
    APA: style("apa"),
    Chicago: style("chicago"),
    MLA: style("mla"),
    // BibTeX has a field for the publisher where CSL's web page has a container.
    BibTeX: new Cite({ ...item, publisher: doc.publisher }).format("bibtex").trim(),
  };
}
