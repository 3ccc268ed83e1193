/** Turning model objects into answer parts, so every command cites the same way. */

import type { DocumentRef, Excerpt, NodeRef, SourceRef } from "./answer.js";
import type { Core } from "./core.js";
import type { Citation, MapNode, Quote } from "./corpus/model.js";
import type { Paragraph } from "./corpus/text.js";
import { contentTerms } from "./search/terms.js";
import { sentenceTerms } from "./sentences.js";

export function sourceRef(citation: Citation): SourceRef {
  return { ...citation };
}

export function nodeRef(node: MapNode): NodeRef {
  return { id: node.id, key: node.key, kind: node.kind, label: node.label };
}

/** A node's quotes as excerpts, labelled with the node's (our) label. */
export function nodeExcerpts(
  node: MapNode,
  extra: Partial<Excerpt> = {},
  limit = Number.POSITIVE_INFINITY,
): Excerpt[] {
  return node.quotes
    .slice(0, limit)
    .map((quote) => quoteExcerpt(quote, { label: node.label, node: nodeRef(node), ...extra }));
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

/** A whole paragraph as an excerpt, with the sentences that match `terms` highlighted. */
export function paragraphExcerpt(
  core: Core,
  documentId: string,
  paragraph: Paragraph,
  query: { original: readonly string[]; expansions: readonly string[] },
  extra: Partial<Excerpt> = {},
): Excerpt {
  const doc = core.corpus.document(documentId);
  const section = doc?.sections.find((s) => s.id === paragraph.sectionId);
  const highlights = bestSentences(paragraph.text, query);
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

/** Highlights at most two sentences: those matching most of the student's own words. */
function bestSentences(
  text: string,
  query: { original: readonly string[]; expansions: readonly string[] },
): string[] {
  const own = [...new Set(contentTerms(query.original.join(" ")))];
  const added = [...new Set(contentTerms(query.expansions.join(" ")))];
  const scored = sentenceTerms(text).map(({ text, terms }) => {
    let score = 0;
    for (const term of terms) score += matches(own, term) ? 2 : matches(added, term) ? 1 : 0;
    return { text, score };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return [];
  const chosen = new Set(
    [...scored]
      .sort((a, b) => b.score - a.score)
      .filter((s) => s.score >= best * 0.75)
      .slice(0, 2),
  );
  return scored.filter((s) => chosen.has(s)).map((s) => s.text);
}

/** A query word matches a term exactly, or as its start when it has four letters or more. */
function matches(wanted: readonly string[], term: string): boolean {
  for (const w of wanted) if (w === term || (w.length >= 4 && term.startsWith(w))) return true;
  return false;
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
