/**
 * A saved HTML page: Readability finds the article (dropping navigation, header, footer and
 * sidebars), and the article's elements become blocks. Metadata comes from the page's head.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { findDate } from "./dates.js";
import type { Block, BlockHint, Extracted, MetaSources, PageMeta } from "./types.js";

type ReadabilityInput = ConstructorParameters<typeof Readability>[0];

const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, aside, figcaption, pre";

export function extractHtml(html: string): Extracted {
  const { document } = parseHTML(html);
  const head = headMeta(document);
  const elementsBefore = document.querySelectorAll("body *").length;
  // Readability changes the document it reads, so it gets a copy of its own.
  const article = new Readability(parseHTML(html).document as unknown as ReadabilityInput, {
    keepClasses: false,
  }).parse();
  const meta: PageMeta = { ...head.meta };
  const metaSources: MetaSources = { ...head.sources };
  const take = (field: keyof PageMeta, value: string | null | undefined, where: string) => {
    const clean = value?.replace(/\s+/g, " ").trim();
    if (!clean || meta[field] !== undefined) return;
    meta[field] = clean;
    metaSources[field] = where;
  };
  if (!article?.content)
    return { format: "html", blocks: [], meta, metaSources, notes: [], lineForLine: false };
  take("title", article.title, "the page's title");
  take("author", article.byline?.replace(/^by\s+/i, ""), "the page's byline");
  take("publisher", article.siteName, "the page's site name");
  const published = article.publishedTime ? findDate(article.publishedTime)?.iso : undefined;
  take("date", published, "the page's publication time");

  const { document: body } = parseHTML(
    `<!doctype html><html><body>${article.content}</body></html>`,
  );
  const blocks: Block[] = [];
  for (const element of body.querySelectorAll(BLOCKS)) {
    // A paragraph inside a block quote or list item belongs to that outer block.
    if (element.parentElement?.closest(BLOCKS)) continue;
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text) blocks.push({ text, hint: hintOf(element.tagName.toLowerCase()) });
  }
  const kept = body.querySelectorAll("body *").length;
  return {
    format: "html",
    blocks,
    meta,
    metaSources,
    notes: [
      `Readability kept the article (${kept} of ${elementsBefore} elements): navigation, header, footer and sidebars dropped`,
    ],
    lineForLine: false,
  };
}

function hintOf(tag: string): BlockHint {
  if (/^h[1-6]$/.test(tag)) return "heading";
  if (tag === "blockquote" || tag === "aside") return "set-apart";
  if (tag === "figcaption") return "caption";
  return "paragraph";
}

/** Metadata in `<head>`: Open Graph, Dublin Core, citation_* tags, the canonical link. */
function headMeta(document: ReturnType<typeof parseHTML>["document"]): {
  meta: PageMeta;
  sources: MetaSources;
} {
  const meta: PageMeta = {};
  const sources: MetaSources = {};
  const content = (selectors: string[]): { value: string; selector: string } | undefined => {
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      const value = (
        element?.getAttribute("content") ??
        element?.getAttribute("href") ??
        ""
      ).trim();
      if (value) return { value, selector };
    }
    return undefined;
  };
  const set = (field: keyof PageMeta, found: { value: string; selector: string } | undefined) => {
    if (!found) return;
    meta[field] = found.value;
    sources[field] = `<head> ${found.selector}`;
  };
  set("title", content(['meta[name="citation_title"]', 'meta[property="og:title"]']));
  set(
    "author",
    content(['meta[name="citation_author"]', 'meta[name="author"]', 'meta[name="dc.creator"]']),
  );
  set(
    "publisher",
    content([
      'meta[name="citation_publisher"]',
      'meta[property="og:site_name"]',
      'meta[name="dc.publisher"]',
    ]),
  );
  set("url", content(['link[rel="canonical"]', 'meta[property="og:url"]']));
  set("genre", content(['meta[property="article:section"]']));
  const date = content([
    'meta[name="citation_publication_date"]',
    'meta[property="article:published_time"]',
    'meta[name="dc.date"]',
    'meta[name="date"]',
  ]);
  const iso = date ? findDate(date.value)?.iso : undefined;
  if (date && iso) set("date", { value: iso, selector: date.selector });
  if (meta.url && !/^https?:\/\//.test(meta.url)) delete meta.url;
  return { meta, sources };
}
