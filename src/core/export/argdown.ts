/**
 * The argument map as Argdown (https://argdown.org), for tutors who map arguments there. Thesis,
 * pillars and context become statements (`[Title]: text`), every other node an argument
 * (`<Title>: text`); each relation is written once, under the node it is about: an indented
 * `+ <B>` under A means B supports A, `- <B>` that B attacks (or rebuts) A, `_ <B>` that B
 * undercuts A. Pillars are sections. Each element carries its verbatim quotes and citations as
 * an Argdown data block.
 */
import { shortDate } from "../cite.js";
import type { CorpusModel, DocumentInfo, MapNode, Relation } from "../corpus/model.js";
import type { RelationType } from "../corpus/schema.js";

export type ArgdownRole = "statement" | "argument";

/** The Argdown relation each of ours becomes (rebuttals are attacks on the objection). */
export const ARGDOWN_RELATION: Readonly<Record<RelationType, "support" | "attack" | "undercut">> = {
  supports: "support",
  attacks: "attack",
  rebuts: "attack",
  undercuts: "undercut",
};

const RELATION_MARK: Readonly<Record<RelationType, string>> = {
  supports: "+",
  attacks: "-",
  rebuts: "-",
  undercuts: "_",
};

/**
 * Statement or argument. Undercuts attack an inference, which only arguments have in Argdown,
 * so a node that is undercut is always an argument.
 */
export function argdownRole(node: MapNode, relations: readonly Relation[]): ArgdownRole {
  const undercut = relations.some((r) => r.type === "undercuts" && r.to === node.key);
  return !undercut && ["thesis", "pillar", "context"].includes(node.kind)
    ? "statement"
    : "argument";
}

/**
 * Unique Argdown titles from our labels. Titles cannot be escaped in Argdown, so brackets become
 * parentheses; a repeated label gets the node id appended.
 */
export function argdownTitles(nodes: readonly MapNode[]): Map<string, string> {
  const titles = new Map<string, string>();
  const used = new Set<string>();
  for (const node of nodes) {
    const base = node.label
      .replace(/\s+/g, " ")
      .replace(/[[<]/g, "(")
      .replace(/[\]>]/g, ")")
      .replace(/^[\s-]+/, "")
      .trim();
    let title = base || node.id;
    if (used.has(title.toLowerCase())) title = `${title} (${node.id})`;
    used.add(title.toLowerCase());
    titles.set(node.key, title);
  }
  return titles;
}

/**
 * Escapes text so Argdown reads it as plain text, on one line: no tags, references, mentions,
 * emphasis, data, links, comments (`//`, `/*`), inference lines (`--`), front matter (`===`) or
 * shortcodes (`.A.` becomes ∀, `:smile:` an emoji). Other characters stay as they are.
 */
export function escapeArgdownText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\[\]<>#*_{}@]/g, "\\$&")
    .replace(/\/(?=[/*])|-(?=-)|=(?==)/g, "\\$&")
    .replace(/\.(?=\S+?\.)|:(?=\S+?:)/g, "\\$&");
}

/**
 * Data as compact JSON (which YAML reads). Braces inside strings are written as `\u007b`/`\u007d`:
 * Argdown's lexer ends a data block at a `}` it cannot tell from one inside a string.
 */
function dataBlock(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
    literal.replace(/[{}]/g, (brace) => (brace === "{" ? "\\u007b" : "\\u007d")),
  );
}

export interface ArgdownOptions {
  /** Ours: the program named in the header comment. */
  readonly generator?: string;
}

/**
 * The whole map as Argdown.
 *
 * @example
 * const text = toArgdown(core.corpus);
 * // # G7 framework sustains capabilities and industry
 * // [G7 framework sustains capabilities and industry]: While the G7 can sustain … {"id":"g7",…}
 * //   + <Arms, intelligence and training remain most vital>
 */
export function toArgdown(corpus: CorpusModel, options: ArgdownOptions = {}): string {
  const titles = argdownTitles(corpus.nodes);
  const reference = (node: MapNode): string => {
    const title = titles.get(node.key) ?? node.id;
    return argdownRole(node, corpus.relations) === "statement" ? `[${title}]` : `<${title}>`;
  };
  const lines: string[] = [...header(corpus, options.generator ?? "debate-prep assistant")];
  const multiple = corpus.documents.length > 1;
  for (const doc of corpus.documents) {
    if (multiple) lines.push("", `# ${escapeArgdownText(`${doc.authorShort}, ${doc.title}`)}`);
    for (const section of sectionsOf(corpus, doc)) {
      lines.push("", `${multiple ? "##" : "#"} ${escapeArgdownText(section.heading)}`);
      for (const node of section.nodes) {
        lines.push(
          "",
          `${reference(node)}: ${elementText(node)} ${dataBlock(nodeData(node, doc))}`,
        );
        for (const relation of corpus.relations.filter((r) => r.to === node.key)) {
          const from = corpus.node(relation.from);
          if (from) lines.push(`  ${RELATION_MARK[relation.type]} ${reference(from)}`);
        }
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

function header(corpus: CorpusModel, generator: string): string[] {
  return [
    `// Argument map exported by the ${generator}.`,
    ...corpus.documents.map((d) => `// Reading: ${d.attribution} ${d.url}`),
    "// Titles, section headings and summaries are ours (the editors'), not the author's. An",
    "// element's text is the author's verbatim quote when it has one: its data lists every quote",
    '// with its citation. Otherwise the text is our summary (data: "textIs": "editors\' summary").',
    "// Statements: thesis, pillars, context. Arguments: claims, evidence, objections, rebuttals.",
    "// Under an element, `+ X` means X supports it, `- X` that X attacks or rebuts it, and",
    "// `_ X` that X undercuts it.",
  ];
}

interface Section {
  readonly heading: string;
  readonly nodes: readonly MapNode[];
}

/** The thesis-level nodes, one section per pillar, then the context; headings are ours. */
function sectionsOf(corpus: CorpusModel, doc: DocumentInfo): Section[] {
  const nodes = corpus.nodes.filter((n) => n.documentId === doc.id);
  const pillars = nodes.filter((n) => n.kind === "pillar");
  const sections: Section[] = [
    {
      heading: "Thesis",
      nodes: nodes.filter((n) => n.pillar === undefined && n.kind !== "context"),
    },
    ...pillars.map((p) => ({
      heading: `Pillar: ${p.label}`,
      nodes: nodes.filter((n) => n.pillar === p.key),
    })),
    {
      heading: "Context",
      nodes: nodes.filter((n) => n.pillar === undefined && n.kind === "context"),
    },
  ];
  return sections.filter((s) => s.nodes.length > 0);
}

function elementText(node: MapNode): string {
  return escapeArgdownText(node.quotes[0]?.text ?? node.summary ?? node.label);
}

function nodeData(node: MapNode, doc: DocumentInfo): Record<string, unknown> {
  const cite = `${doc.authorShort}, ${doc.publisherShort}, ${shortDate(doc.date)}`;
  return {
    id: node.id,
    kind: node.kind,
    textIs: node.quotes.length > 0 ? "author's quote" : "editors' summary",
    quotes: node.quotes.map((q) => ({
      text: q.text,
      cite: `${cite}, ¶${q.source.paragraph}`,
      section: q.source.section,
      ...(q.source.sectionEditorial ? { sectionHeadingIsOurs: true } : {}),
      url: q.source.url,
    })),
    ...(node.summary ? { editorsSummary: node.summary } : {}),
  };
}
