/**
 * Pipeline step 4: the in-memory model every command reads. Built only from a corpus that
 * passed the fidelity checks, so its quotes are known to be verbatim.
 */
import type { SourceRef } from "../answer.js";
import { readingShortCite, shortTitleOf } from "../cite.js";
import { findVerbatim } from "./normalize.js";
import type { NodeKind, RelationType } from "./schema.js";
import type { Paragraph, Section } from "./text.js";
import type { ValidatedDocument } from "./validate.js";

/**
 * Where a quote comes from: enough to find it on the page and to cite it. The same shape travels
 * in answers as `SourceRef`, so the model and the answer contract cannot drift apart.
 */
export type Citation = SourceRef;

/** Verbatim text of a source, with its citation. */
export interface Quote {
  readonly text: string;
  readonly source: Citation;
  /** Whether the quote starts or ends inside its paragraph: shown as an ellipsis. */
  readonly elided: { readonly before: boolean; readonly after: boolean };
}

export interface DocumentInfo {
  readonly id: string;
  readonly title: string;
  /** The title's first clause, e.g. "No need to wait". */
  readonly shortTitle: string;
  /**
   * How a cite names this reading, e.g. "Anisova, ELN, 6 Dec 2023"; with several readings in the
   * corpus it names the short title too, so two pieces by one author stay apart.
   */
  readonly shortCite: string;
  readonly author: string;
  readonly authorShort: string;
  readonly publisher: string;
  readonly publisherShort: string;
  readonly genre: string;
  readonly date: string;
  /** Empty while a drafted reading has no address yet (renderers then show no link). */
  readonly url: string;
  readonly series: string | undefined;
  readonly attribution: string;
  readonly licence: string;
  /** What the editors must still check or write; empty for a finished reading. */
  readonly todo: readonly string[];
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
  readonly pullQuotes: readonly Quote[];
}

export interface MapNode {
  /** Unique across the corpus: `<document-id>/<node-id>`. */
  readonly key: string;
  readonly id: string;
  readonly documentId: string;
  readonly kind: NodeKind;
  /** Ours: a short label. */
  readonly label: string;
  /** Ours: a one-sentence summary, when the editors wrote one. */
  readonly summary: string | undefined;
  /** Key of the pillar this node is grouped under. */
  readonly pillar: string | undefined;
  readonly aliases: readonly string[];
  readonly tags: readonly string[];
  readonly quotes: readonly Quote[];
}

export interface Relation {
  readonly from: string;
  readonly type: RelationType;
  readonly to: string;
}

export interface GlossaryEntry {
  readonly documentId: string;
  readonly term: string;
  readonly expansion: string | undefined;
  readonly aliases: readonly string[];
  /** Ours. */
  readonly definition: string;
  readonly occurs: readonly Citation[];
}

/** Something computed from a corpus, once per {@link CorpusModel}: see `CorpusModel#derived`. */
export interface Derived<T> {
  /** Says what it is, for whoever reads a heap snapshot. */
  readonly name: string;
  compute(corpus: CorpusModel): T;
}

export class CorpusModel {
  readonly documents: readonly DocumentInfo[];
  readonly nodes: readonly MapNode[];
  readonly relations: readonly Relation[];
  readonly glossary: readonly GlossaryEntry[];
  /** Query-expansion groups from every reading's map. */
  readonly synonyms: readonly (readonly string[])[];

  readonly #documents: ReadonlyMap<string, DocumentInfo>;
  readonly #nodes: ReadonlyMap<string, MapNode>;
  readonly #nodesById: ReadonlyMap<string, readonly MapNode[]>;
  readonly #nodesByKind: ReadonlyMap<NodeKind, readonly MapNode[]>;
  // Relations indexed by each end, so graph queries stay fast on large corpora.
  readonly #relationsFrom: ReadonlyMap<string, readonly Relation[]>;
  readonly #relationsTo: ReadonlyMap<string, readonly Relation[]>;
  readonly #derived = new Map<Derived<unknown>, unknown>();
  readonly #readings = new Map<string, CorpusModel>();

  constructor(parts: {
    documents: DocumentInfo[];
    nodes: MapNode[];
    relations: Relation[];
    glossary: GlossaryEntry[];
    synonyms: string[][];
  }) {
    this.documents = parts.documents;
    this.nodes = parts.nodes;
    this.relations = parts.relations;
    this.glossary = parts.glossary;
    this.synonyms = parts.synonyms;
    this.#documents = new Map(parts.documents.map((d) => [d.id, d]));
    this.#nodes = new Map(parts.nodes.map((n) => [n.key, n]));
    const byId = new Map<string, MapNode[]>();
    for (const node of parts.nodes) byId.set(node.id, [...(byId.get(node.id) ?? []), node]);
    this.#nodesById = byId;
    this.#nodesByKind = groupBy(parts.nodes, (n) => n.kind);
    this.#relationsFrom = groupBy(parts.relations, (r) => r.from);
    this.#relationsTo = groupBy(parts.relations, (r) => r.to);
  }

  /**
   * Data computed from this corpus once and kept with it (e.g. the terms of every paragraph), so
   * derived data lives and dies with its corpus instead of in module-level maps beside it.
   */
  derived<T>(what: Derived<T>): T {
    if (this.#derived.has(what)) return this.#derived.get(what) as T;
    const value = what.compute(this);
    this.#derived.set(what, value);
    return value;
  }

  document(id: string): DocumentInfo | undefined {
    return this.#documents.get(id);
  }

  /**
   * The model of one reading: its document, nodes, relations and glossary (the same objects as
   * here), for commands that answer from one reading's map. Undefined for an unknown id.
   */
  reading(documentId: string): CorpusModel | undefined {
    if (this.documents.length === 1 && this.documents[0]?.id === documentId) return this;
    const document = this.#documents.get(documentId);
    if (!document) return undefined;
    let model = this.#readings.get(documentId);
    if (!model) {
      const nodes = this.nodes.filter((n) => n.documentId === documentId);
      const keys = new Set(nodes.map((n) => n.key));
      model = new CorpusModel({
        documents: [document],
        nodes,
        relations: this.relations.filter((r) => keys.has(r.from)),
        glossary: this.glossary.filter((g) => g.documentId === documentId),
        synonyms: this.synonyms.map((group) => [...group]),
      });
      this.#readings.set(documentId, model);
    }
    return model;
  }

  /** A node by its key (`doc/id`) or by its bare id when only one reading uses that id. */
  node(ref: string): MapNode | undefined {
    const byKey = this.#nodes.get(ref);
    if (byKey) return byKey;
    const matches = this.#nodesById.get(ref);
    return matches?.length === 1 ? matches[0] : undefined;
  }

  nodesOfKind(kind: NodeKind): MapNode[] {
    return [...(this.#nodesByKind.get(kind) ?? [])];
  }

  /** Nodes related to `key` by an edge pointing at it, optionally of the given types. */
  incoming(key: string, ...types: RelationType[]): MapNode[] {
    return this.#related(key, "to", types);
  }

  /** Nodes that `key` points at, optionally by the given relation types. */
  outgoing(key: string, ...types: RelationType[]): MapNode[] {
    return this.#related(key, "from", types);
  }

  /** Claims that directly support a pillar, in map order. */
  claimsOf(pillarKey: string): MapNode[] {
    return this.incoming(pillarKey, "supports").filter((n) => n.kind === "claim");
  }

  supportersOf(key: string): MapNode[] {
    return this.incoming(key, "supports");
  }

  /** Objections and other nodes that attack or undercut `key`. */
  attackersOf(key: string): MapNode[] {
    return this.incoming(key, "attacks", "undercuts").filter((n) => n.kind !== "rebuttal");
  }

  /** The author's answers to `key`: nodes that rebut it, and rebuttals that undercut it. */
  rebuttalsOf(key: string): MapNode[] {
    return [
      ...this.incoming(key, "rebuts"),
      ...this.incoming(key, "undercuts").filter((n) => n.kind === "rebuttal"),
    ].filter(unique);
  }

  /** Objections that no rebuttal answers: where the text leaves a point open. */
  unansweredObjections(): MapNode[] {
    return this.nodesOfKind("objection").filter((n) => this.rebuttalsOf(n.key).length === 0);
  }

  paragraph(documentId: string, number: number): Paragraph | undefined {
    return this.#documents.get(documentId)?.paragraphs[number - 1];
  }

  #related(key: string, side: "from" | "to", types: RelationType[]): MapNode[] {
    const other = side === "to" ? "from" : "to";
    const index = side === "to" ? this.#relationsTo : this.#relationsFrom;
    const seen = new Set<MapNode>();
    for (const relation of index.get(key) ?? []) {
      if (types.length > 0 && !types.includes(relation.type)) continue;
      const node = this.#nodes.get(relation[other]);
      if (node) seen.add(node);
    }
    return [...seen];
  }
}

function unique<T>(value: T, index: number, all: readonly T[]): boolean {
  return all.indexOf(value) === index;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Builds the model from validated documents that passed the fidelity step. */
export function buildModel(documents: readonly ValidatedDocument[]): CorpusModel {
  const infos: DocumentInfo[] = [];
  const nodes: MapNode[] = [];
  const relations: Relation[] = [];
  const glossary: GlossaryEntry[] = [];
  const synonyms: string[][] = [];

  for (const doc of documents) {
    const { meta, text, map } = doc;
    const sections = new Map(text.sections.map((s) => [s.id, s]));
    const cite = (paragraph: number): Citation => {
      const p = text.paragraphs[paragraph - 1] as Paragraph;
      const section = sections.get(p.sectionId) as Section;
      return {
        documentId: meta.id,
        sectionId: section.id,
        section: section.heading,
        sectionEditorial: section.editorial,
        paragraph,
        url: meta.url ?? "",
      };
    };
    // Show the source's own characters, even where the map's author typed straight quotes.
    const quote = (paragraph: number, typed: string): Quote => {
      const passage = (text.paragraphs[paragraph - 1] as Paragraph).text;
      const exact = findVerbatim(typed, passage) ?? typed;
      const start = passage.indexOf(exact);
      return {
        text: exact,
        source: cite(paragraph),
        elided: { before: start > 0, after: start >= 0 && start + exact.length < passage.length },
      };
    };
    const key = (id: string): string => `${meta.id}/${id}`;

    const shortTitle = meta.shortTitle ?? shortTitleOf(meta.title);
    infos.push({
      id: meta.id,
      title: meta.title,
      shortTitle,
      shortCite: readingShortCite({ ...meta, shortTitle }, documents.length),
      author: meta.author,
      authorShort: meta.authorShort,
      publisher: meta.publisher,
      publisherShort: meta.publisherShort,
      genre: meta.genre,
      date: meta.date,
      url: meta.url ?? "",
      series: meta.series,
      attribution: meta.attribution,
      licence: meta.licence,
      todo: meta.todo,
      sections: text.sections,
      paragraphs: text.paragraphs,
      pullQuotes: meta.pullQuotes.map((q) => quote(q.paragraph, q.text)),
    });
    for (const node of map.nodes) {
      nodes.push({
        key: key(node.id),
        id: node.id,
        documentId: meta.id,
        kind: node.kind,
        label: node.label,
        summary: node.summary,
        pillar:
          node.kind === "pillar"
            ? key(node.id)
            : node.pillar === undefined
              ? undefined
              : key(node.pillar),
        aliases: node.aliases,
        tags: node.tags,
        quotes: node.quotes.map((q) => quote(q.p, q.text)),
      });
    }
    relations.push(
      ...map.relations.map((r) => ({ from: key(r.from), type: r.type, to: key(r.to) })),
    );
    glossary.push(
      ...map.glossary.map((g) => ({
        documentId: meta.id,
        term: g.term,
        expansion: g.expansion,
        aliases: g.aliases,
        definition: g.definition,
        occurs: g.occurs.map(cite),
      })),
    );
    synonyms.push(...map.synonyms);
  }
  return new CorpusModel({
    documents: distinctShortCites(infos),
    nodes,
    relations,
    glossary,
    synonyms,
  });
}

/**
 * Readings whose short cites would read alike (the same piece ingested twice, or two pieces by one
 * author with one short title on one day) are told apart by their ids: "Anisova, “No need to
 * wait”, ELN, 6 Dec 2023 [second]".
 */
function distinctShortCites(infos: readonly DocumentInfo[]): DocumentInfo[] {
  const count = new Map<string, number>();
  for (const info of infos) count.set(info.shortCite, (count.get(info.shortCite) ?? 0) + 1);
  return infos.map((info) =>
    (count.get(info.shortCite) ?? 0) > 1
      ? { ...info, shortCite: `${info.shortCite} [${info.id}]` }
      : info,
  );
}
