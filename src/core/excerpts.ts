/** Turning model objects into answer parts, so every command cites the same way. */

import type { DocumentRef, Excerpt, NodeRef, SourceRef } from "./answer.js";
import type { Core } from "./core.js";
import type { Citation, MapNode, Quote } from "./corpus/model.js";
import type { Paragraph } from "./corpus/text.js";
import { roleLabel } from "./roles.js";
import type { Passage } from "./search/passage.js";

export function sourceRef(citation: Citation): SourceRef {
  return { ...citation };
}

export function nodeRef(node: MapNode): NodeRef {
  return { id: node.id, key: node.key, kind: node.kind, label: node.label };
}

/**
 * A node's quotes as excerpts, headed by its (our) label with its role in the argument. With a
 * `limit`, the quotes that state the node best come first (see `SearchIndex#statingOrder`).
 */
export function nodeExcerpts(
  node: MapNode,
  extra: Partial<Excerpt> = {},
  limit = Number.POSITIVE_INFINITY,
  core?: Core,
): Excerpt[] {
  const quotes = core && limit < node.quotes.length ? core.search.statingOrder(node) : node.quotes;
  return quotes
    .slice(0, limit)
    .map((quote) => quoteExcerpt(quote, { label: roleLabel(node), node: nodeRef(node), ...extra }));
}

export function quoteExcerpt(quote: Quote, extra: Partial<Excerpt> = {}): Excerpt {
  const { before, after } = quote.elided;
  return {
    quote: quote.text,
    source: sourceRef(quote.source),
    ...(before || after ? { elided: { before, after } } : {}),
    ...extra,
  };
}

/**
 * The sentences of a paragraph that answer (a search's passage) as an excerpt: verbatim, cut
 * only between sentences (`elided` says where), with the whole paragraph in `paragraphText`.
 */
export function passageExcerpt(
  core: Core,
  documentId: string,
  paragraph: Paragraph,
  passage: Pick<Passage, "start" | "end">,
  extra: Partial<Excerpt> = {},
): Excerpt {
  const before = passage.start > 0;
  const after = passage.end < paragraph.text.length;
  return {
    quote: paragraph.text.slice(passage.start, passage.end),
    source: paragraphSource(core, documentId, paragraph),
    ...(before || after ? { elided: { before, after }, paragraphText: paragraph.text } : {}),
    ...extra,
  };
}

/** Where a paragraph sits: the citation every excerpt of it carries. */
export function paragraphSource(core: Core, documentId: string, paragraph: Paragraph): SourceRef {
  const doc = core.corpus.document(documentId);
  const section = doc?.sections.find((s) => s.id === paragraph.sectionId);
  return {
    documentId,
    sectionId: paragraph.sectionId,
    section: section?.heading ?? "",
    sectionEditorial: section?.editorial ?? false,
    paragraph: paragraph.number,
    url: doc?.url ?? "",
  };
}

/** The readings an answer cites, in order of first citation. */
export function documentRefs(
  core: Core,
  excerpts: readonly Excerpt[],
  extra: readonly string[] = [],
): DocumentRef[] {
  const ids = [...new Set([...excerpts.map((e) => e.source.documentId), ...extra])];
  return ids.flatMap((id) => {
    const doc = core.corpus.document(id);
    return doc
      ? [
          {
            id,
            title: doc.title,
            author: doc.author,
            publisher: doc.publisher,
            date: doc.date,
            url: doc.url,
            shortCite: doc.shortCite,
          },
        ]
      : [];
  });
}
