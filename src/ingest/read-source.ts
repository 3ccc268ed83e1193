/**
 * Reads the file a tutor wants to ingest and refuses what cannot be a reading: missing, empty,
 * too large, binary (other than a PDF), or not UTF-8. Nothing is written here.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { isBinaryFileSync } from "isbinaryfile";
import { IngestError } from "./errors.js";
import type { SourceFormat } from "./types.js";

/** A commentary or journal article is well under 1 MB of text; a saved page with inline scripts can reach a few. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export interface SourceFile {
  readonly path: string;
  readonly bytes: Buffer;
  /** The decoded text; empty for a PDF, which is read from `bytes`. */
  readonly text: string;
  readonly format: SourceFormat;
  /** The extension the untouched copy keeps in the reading folder. */
  readonly extension: string;
}

const FORMATS: Readonly<Record<string, SourceFormat>> = {
  ".txt": "text",
  ".text": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".md": "markdown",
  ".markdown": "markdown",
  ".pdf": "pdf",
};

export function readSource(path: string): SourceFile {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new IngestError(path, "not a file");
    size = stat.size;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(path, "no such file");
  }
  if (size === 0) throw new IngestError(path, "the file is empty");
  if (size > MAX_SOURCE_BYTES)
    throw new IngestError(
      path,
      `the file is ${megabytes(size)}, over the ${megabytes(MAX_SOURCE_BYTES)} limit for a reading`,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new IngestError(
      path,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  const extension = extname(path).toLowerCase();
  if (extension === ".pdf" || bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-")
      throw new IngestError(path, "the file is named .pdf but is not a PDF");
    return { path, bytes, text: "", format: "pdf", extension: ".pdf" };
  }
  if (isBinaryFileSync(bytes, bytes.length))
    throw new IngestError(path, "this is a binary file, not text, HTML, Markdown or PDF");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(path, "the text is not UTF-8: save it as UTF-8 and try again");
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "") throw new IngestError(path, "the file has no text");
  return {
    path,
    bytes,
    text,
    format: detectFormat(extension, text),
    extension: extension || ".txt",
  };
}

/** The extension decides; a file without a known one is sniffed for HTML, else read as plain text. */
function detectFormat(extension: string, text: string): SourceFormat {
  const known = FORMATS[extension];
  if (known) return known;
  const start = text.trimStart().slice(0, 200).toLowerCase();
  return start.startsWith("<!doctype html") || start.startsWith("<html") ? "html" : "text";
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
