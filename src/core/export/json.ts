/** The argument map as JSON in the published format (see `schema.ts`). */
import type { CorpusModel, DocumentInfo } from "../corpus/model.js";
import { ARGUMENT_MAP_FORMAT_VERSION, type ArgumentMapJson } from "./schema.js";

const ARGUMENT_MAP_NOTICE =
  "Quote texts are the author's words, verbatim, each with its citation. Labels, summaries, aliases, tags, glossary definitions and headings marked editorial are ours (the editors'), not the author's.";

function shortCite(doc: DocumentInfo): string {
  return doc.shortCite;
}

/**
 * Our model as a plain object matching `argumentMapSchema`.
 *
 * @example
 * JSON.stringify(toArgumentMapJson(core.corpus), null, 2);
 */
export function toArgumentMapJson(
  corpus: CorpusModel,
  generator = "debate-prep assistant",
): ArgumentMapJson {
  const cites = new Map(corpus.documents.map((d) => [d.id, shortCite(d)]));
  return {
    formatVersion: ARGUMENT_MAP_FORMAT_VERSION,
    generator,
    notice: ARGUMENT_MAP_NOTICE,
    documents: corpus.documents.map((d) => ({
      id: d.id,
      title: d.title,
      author: d.author,
      publisher: d.publisher,
      date: d.date,
      url: d.url,
      attribution: d.attribution,
      licence: d.licence,
      shortCite: shortCite(d),
    })),
    nodes: corpus.nodes.map((n) => ({
      key: n.key,
      id: n.id,
      documentId: n.documentId,
      kind: n.kind,
      label: n.label,
      ...(n.summary === undefined ? {} : { summary: n.summary }),
      ...(n.pillar === undefined ? {} : { pillar: n.pillar }),
      aliases: [...n.aliases],
      tags: [...n.tags],
      quotes: n.quotes.map((q) => ({
        text: q.text,
        source: {
          ...q.source,
          cite: `${cites.get(q.source.documentId) ?? q.source.documentId}, ¶${q.source.paragraph}`,
        },
      })),
    })),
    relations: corpus.relations.map((r) => ({ from: r.from, type: r.type, to: r.to })),
    glossary: corpus.glossary.map((g) => ({
      documentId: g.documentId,
      term: g.term,
      ...(g.expansion === undefined ? {} : { expansion: g.expansion }),
      aliases: [...g.aliases],
      definition: g.definition,
      paragraphs: g.occurs.map((c) => c.paragraph),
    })),
  };
}
