/**
 * Turns a classified page into the three files of a reading: document.yaml (metadata), text.md
 * (the body, one paragraph a line) and a draft map.yaml that passes validation, so the tutor
 * starts from a reading the bot can already quote and search.
 */
import { stringify } from "yaml";
import { longDate } from "../core/cite.js";
import { splitSentences } from "../core/sentences.js";
import type { Classified } from "./classify.js";
import { IngestError } from "./errors.js";
import { authorShort, publisherShort, sectionId, shortTitle } from "./names.js";
import type { PageMeta } from "./types.js";

export const DRAFT_TAG = "draft";

/** Metadata given on the command line; it wins over what the page says. */
export type MetaOverrides = Partial<Record<keyof PageMeta, string>>;

/** One thing the tutor must still do, as the report and document.yaml's `todo` list it. */
export interface ToDo {
  readonly file: "document.yaml" | "map.yaml";
  readonly field: string;
  readonly what: string;
}

export interface ReadingFiles {
  readonly documentYaml: string;
  readonly textMd: string;
  readonly mapYaml: string;
  readonly meta: Required<Pick<PageMeta, "title" | "author" | "date" | "publisher">> & PageMeta;
  readonly todo: readonly ToDo[];
  readonly sectionIds: readonly string[];
}

/** Fields a citation cannot do without: the tutor passes them as options when the page lacks them. */
const REQUIRED = ["title", "author", "date", "publisher"] as const;

export function buildReading(
  id: string,
  sourcePath: string,
  sourceFile: string,
  classified: Classified,
  overrides: MetaOverrides,
  lineForLine: boolean,
): ReadingFiles {
  const meta: PageMeta = { ...classified.meta, ...definedOnly(overrides) };
  const missing = REQUIRED.filter((field) => !meta[field]);
  if (missing.length > 0)
    throw new IngestError(
      sourcePath,
      `the page does not say its ${missing.join(", ")}: pass ${missing.map((f) => `--${f} …`).join(" ")}`,
    );
  const { title, author, date, publisher } = meta as ReadingFiles["meta"];
  const todo: ToDo[] = [];
  if (!meta.url)
    todo.push({
      file: "document.yaml",
      field: "url",
      what: "the page does not give its address: add it",
    });
  if (!meta.genre)
    todo.push({
      file: "document.yaml",
      field: "genre",
      what: "say what kind of text it is (Commentary, Article, Report…)",
    });
  todo.push({
    file: "document.yaml",
    field: "licence",
    what: "check the terms under which the page may be quoted",
  });
  todo.push({
    file: "map.yaml",
    field: "thesis",
    what: "write the thesis in our words and quote the sentence that states it",
  });
  todo.push({
    file: "map.yaml",
    field: "nodes",
    what: `replace the ${classified.sections.length} draft section nodes with claims, objections and rebuttals`,
  });

  const taken = new Set<string>();
  const sectionIds = classified.sections.map((section) => {
    const sid = sectionId(section.heading, taken, section.editorial);
    taken.add(sid);
    return sid;
  });

  const document = {
    id,
    title,
    shortTitle: shortTitle(title),
    author,
    authorShort: authorShort(author),
    publisher,
    publisherShort: publisherShort(publisher),
    genre: meta.genre ?? "Article",
    date,
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.series ? { series: meta.series } : {}),
    attribution: `${author}, “${title}”, ${publisher}, ${longDate(date)}.`,
    licence: `© ${publisher}. Quoted in short excerpts for teaching and criticism, with attribution; the full text is on the publisher's page.`,
    ...(lineForLine ? scrapeOf(classified, sourceFile) : { source: sourceFile }),
    pullQuotes: classified.pullQuotes.map((q) => ({ paragraph: q.paragraph, text: q.text })),
    todo: todo.filter((t) => t.file === "document.yaml").map((t) => `${t.field}: ${t.what}`),
  };

  return {
    documentYaml: `# Metadata of one reading, drafted by \`npm run ingest\` from ${sourceFile}; check it against the page.\n${stringify(document, { lineWidth: 0 })}`,
    textMd: textOf(classified, sectionIds, sourceFile),
    mapYaml: mapOf(classified, sectionIds),
    meta: { ...meta, title, author, date, publisher },
    todo,
    sectionIds,
  };
}

/**
 * For a scrape with one block a line, how text.md was cleaned from it, so validation can account
 * for every line of the page. HTML, Markdown and wrapped text are parsed or joined first, so they
 * have no line-for-line check.
 */
function scrapeOf(classified: Classified, sourceFile: string): object {
  const suffixes = new Set(classified.pullQuotes.map((q) => q.suffix));
  const suffix = suffixes.size === 1 ? ([...suffixes][0] ?? "") : "";
  const chrome = classified.dropped
    .filter((line) => !line.reason.startsWith("pull quote") || suffixes.size > 1)
    .map((line) => line.text);
  return { scrape: { file: sourceFile, chrome: [...new Set(chrome)], pullQuoteSuffix: suffix } };
}

function textOf(classified: Classified, sectionIds: readonly string[], sourceFile: string): string {
  const lines = [
    "<!--",
    `  Cleaned text, drafted by \`npm run ingest\` from ${sourceFile}. One paragraph a line, numbered`,
    "  1, 2, 3… in reading order. `## Heading {#id}` starts a section; `.editorial` marks a heading",
    "  that is ours because the page has none there.",
    "-->",
  ];
  classified.sections.forEach((section, i) => {
    lines.push(
      "",
      `## ${section.heading} {#${sectionIds[i]}${section.editorial ? " .editorial" : ""}}`,
    );
    for (const paragraph of section.paragraphs) lines.push("", paragraph);
  });
  return `${lines.join("\n")}\n`;
}

/**
 * The draft map: a thesis placeholder and one context node per section quoting the first
 * sentence of each of its paragraphs, so every paragraph is cited. Every node says it is a draft
 * in our words.
 */
function mapOf(classified: Classified, sectionIds: readonly string[]): string {
  let paragraph = 0;
  const nodes: object[] = [
    {
      id: "thesis",
      kind: "thesis",
      label: "Thesis (draft: to be written by the editors)",
      summary:
        "Editors' draft, not the author's words: state the reading's thesis in one sentence here and quote the sentence of the text that states it.",
      tags: [DRAFT_TAG],
    },
  ];
  classified.sections.forEach((section, i) => {
    nodes.push({
      id: `draft-${sectionIds[i]}`,
      kind: "context",
      label: clip(`Draft: ${section.heading}`, 80),
      summary: `Editors' draft, not the author's words: the opening sentence of each paragraph of “${section.heading}”, to be replaced by the section's claims.`,
      tags: [DRAFT_TAG],
      quotes: section.paragraphs.map((text) => {
        paragraph++;
        return { p: paragraph, text: splitSentences(text)[0]?.text ?? text };
      }),
    });
  });
  const header = [
    "# Draft argument map, written by `npm run ingest`. Everything except quotes[].text is ours:",
    "# labels and summaries are the editors' words. Each draft node quotes the first sentence of",
    "# every paragraph of one section (verbatim, checked by `npm run validate`). Replace them with",
    "# the reading's thesis, pillars, claims, objections and rebuttals; see docs/map.md.",
  ].join("\n");
  return `${header}\n${stringify({ nodes, relations: [] }, { lineWidth: 0 })}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function definedOnly(overrides: MetaOverrides): PageMeta {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v)) as PageMeta;
}
