/**
 * `npm run ingest`: a page as the tutor has it → a reading folder that validates, and a report
 * of what was kept, dropped and found. Checks everything before writing anything.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { type Classified, classify } from "./classify.js";
import { IngestError } from "./errors.js";
import { extractHtml } from "./extract-html.js";
import { extractMarkdown } from "./extract-markdown.js";
import { extractPdf } from "./extract-pdf.js";
import { extractText } from "./extract-text.js";
import { isSlug } from "./names.js";
import { readSource, type SourceFile } from "./read-source.js";
import { buildReading, type MetaOverrides, type ReadingFiles } from "./reading.js";
import type { Extracted, SourceFormat } from "./types.js";
import { writeReading } from "./write.js";

export interface IngestRequest {
  readonly file: string;
  readonly id: string;
  readonly corpus: string;
  readonly force: boolean;
  readonly overrides: MetaOverrides;
}

export interface IngestResult {
  readonly folder: string;
  readonly format: SourceFormat;
  readonly extracted: Extracted;
  readonly classified: Classified;
  readonly reading: ReadingFiles;
  readonly files: readonly string[];
  /** Metadata the tutor gave as options. */
  readonly overrides: MetaOverrides;
}

const EXTRACTORS: Readonly<
  Record<SourceFormat, (source: SourceFile) => Extracted | Promise<Extracted>>
> = {
  text: (source) => extractText(source.text),
  html: (source) => extractHtml(source.text),
  markdown: (source) => extractMarkdown(source.text),
  pdf: (source) => extractPdfOf(source),
};

async function extractPdfOf(source: SourceFile): Promise<Extracted> {
  try {
    return await extractPdf(source.bytes);
  } catch (error) {
    throw new IngestError(
      source.path,
      `the PDF cannot be read (${(error as Error).message ?? String(error)})`,
    );
  }
}

/** Ingests one file; throws {@link IngestError} for anything wrong with the input. */
export async function ingest(request: IngestRequest): Promise<IngestResult> {
  const { file, id, corpus } = request;
  if (!isSlug(id))
    throw new IngestError(
      file,
      `--id "${id}" is not a slug: use lower-case letters, digits and hyphens, e.g. anisova-2023-no-need-to-wait`,
    );
  const source = readSource(file);
  if (existsSync(join(corpus, id)) && !request.force)
    throw new IngestError(
      file,
      `a reading "${id}" already exists in ${corpus}: choose another --id, or pass --force to replace it`,
    );
  const extracted = await EXTRACTORS[source.format](source);
  const classified = classify(extracted);
  if (classified.sections.length === 0)
    throw new IngestError(file, "no body text found: the page has no paragraphs of running text");
  const sourceFile = `source${source.extension}`;
  const reading = buildReading(
    id,
    file,
    sourceFile,
    classified,
    request.overrides,
    extracted.lineForLine,
  );
  const files = {
    "document.yaml": reading.documentYaml,
    "text.md": reading.textMd,
    "map.yaml": reading.mapYaml,
    [sourceFile]: source.bytes,
  };
  const folder = writeReading(corpus, id, files, request.force);
  return {
    folder,
    format: source.format,
    extracted,
    classified,
    reading,
    files: Object.keys(files),
    overrides: request.overrides,
  };
}

const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = {
  text: "plain text",
  html: "HTML",
  markdown: "Markdown",
  pdf: "PDF",
};

/** What ingest did, for the tutor: kept, dropped and why, metadata found, what is left to do. */
export function formatReport(file: string, result: IngestResult, cwd = process.cwd()): string {
  const { classified, reading, extracted } = result;
  const paragraphs = classified.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  const ours = classified.sections.filter((s) => s.editorial).map((s) => s.heading);
  const where = shortPath(cwd, result.folder);
  const lines = [
    `Ingested ${file} (${FORMAT_NAMES[result.format]}) as ${where}`,
    `  kept:    ${paragraphs} paragraphs in ${classified.sections.length} sections${ours.length ? ` (headings ours: ${ours.join(", ")})` : ""}`,
    `  dropped: ${classified.dropped.length} line${classified.dropped.length === 1 ? "" : "s"}`,
    ...classified.dropped.map((d) => `    ${d.reason.padEnd(18)} “${preview(d.text)}”`),
    ...extracted.notes.map((note) => `    ${note}`),
    "  metadata found:",
    ...(["title", "author", "date", "publisher", "genre", "url", "series"] as const).map(
      (field) => {
        const value = reading.meta[field];
        const from = result.overrides[field]
          ? `given with --${field}`
          : (classified.metaSources[field] ?? "");
        return value
          ? `    ${field.padEnd(10)}${preview(value)}  (${from})`
          : `    ${field.padEnd(10)}(not found)`;
      },
    ),
    "  still to fill in:",
    ...reading.todo.map((t) => `    ${join(where, t.file)} · ${t.field}: ${t.what}`),
    `  files:   ${result.files.join(", ")}`,
    `  check:   CORPUS_DIR=${shortPath(cwd, dirname(result.folder))} npm run validate`,
  ];
  return lines.join("\n");
}

/** Relative to the working directory when inside it, else absolute. */
function shortPath(cwd: string, path: string): string {
  const near = relative(cwd, path);
  return near && !near.startsWith("..") && !isAbsolute(near) ? near : path;
}

function preview(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}
