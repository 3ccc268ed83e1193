/** Turning model objects into answer parts, so every command cites the same way. */
import type { DocumentRef, Excerpt, NodeRef, SourceRef } from "./answer.js";
import type { Core } from "./core.js";
import type { Citation, MapNode, Quote } from "./corpus/model.js";
import type { Paragraph } from "./corpus/text.js";
import { contentTerms } from "./search/terms.js";
import { splitSentences } from "./sentences.js";

export function sourceRef(citation: Citation): SourceRef {
  return { ...citation };
}

export function nodeRef(node: MapNode): NodeRef {
  return { id: node.id, key: node.key, kind: node.kind, label: node.label };
}

/** A node's quotes as excerpts, labelled with the node's (our) label. */
export function nodeExcerpts(node: MapNode, extra: Partial<Excerpt> = {}, limit = Number.POSITIVE_INFINITY): Excerpt[] {
  return node.quotes.slice(0, limit).map((quote) => quoteExcerpt(quote, { label: node.label, node: nodeRef(node), ...extra }));
}

export function quoteExcerpt(quote: Quote, extra: Partial<Excerpt> = {}): Excerpt {
  return { quote: quote.text, source: sourceRef(quote.source), ...extra };
}

/** A whole paragraph as an excerpt, with the sentences that match `terms` highlighted. */
export function paragraphExcerpt(core: Core, documentId: string, paragraph: Paragraph, terms: readonly string[], extra: Partial<Excerpt> = {}): Excerpt {
  const doc = core.corpus.document(documentId);
  const section = doc?.sections.find((s) => s.id === paragraph.sectionId);
  const wanted = new Set(terms);
  const highlights = splitSentences(paragraph.text)
    .filter((s) => contentTerms(s.text).some((t) => wanted.has(t) || [...wanted].some((w) => w.length >= 4 && t.startsWith(w))))
    .map((s) => s.text);
  return {
    quote: paragraph.text,
    source: {
      documentId,
      sectionId: paragraph.sectionId,
      section: section?.heading ?? "",
      sectionEditorial: section?.editorial ?? false,
      paragraph: paragraph.number,
      url: doc?.url ?? "",
    },
    ...(highlights.length ? { highlights } : {}),
    ...extra,
  };
}

/** The readings an answer cites, in order of first citation. */
export function documentRefs(core: Core, excerpts: readonly Excerpt[], extra: readonly string[] = []): DocumentRef[] {
  const ids = [...new Set([...excerpts.map((e) => e.source.documentId), ...extra])];
  return ids.flatMap((id) => {
    const doc = core.corpus.document(id);
    return doc ? [{ id, title: doc.title, author: doc.author, publisher: doc.publisher, date: doc.date, url: doc.url }] : [];
  });
}
