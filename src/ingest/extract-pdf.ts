/**
 * A PDF: PDF.js reads the text of each page with its position and size. Lines are rebuilt from
 * positions, paragraphs from the space between lines, headings from a larger type size; running
 * heads, feet and page numbers (lines repeated on most pages) are left out. Metadata comes from
 * the document's properties.
 */
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { findDate } from "./dates.js";
import type { Block, Extracted, MetaSources, PageMeta } from "./types.js";

interface Line {
  readonly text: string;
  readonly y: number;
  readonly size: number;
  readonly page: number;
}

/** Extra space over the usual line spacing that starts a new paragraph. */
const PARAGRAPH_GAP = 1.3;
/** How much larger than body text a heading's type is. */
const HEADING_SIZE = 1.15;

export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const lines: Line[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      lines.push(...linesOf(content.items.filter(isTextItem), number));
    }
    const { meta, metaSources } = await propertiesOf(pdf);
    const { kept, notes } = withoutRunningHeads(lines, pdf.numPages);
    return {
      format: "pdf",
      blocks: paragraphsOf(kept),
      meta,
      metaSources,
      notes,
      lineForLine: false,
    };
  } finally {
    await pdf.destroy();
  }
}

function isTextItem(item: unknown): item is TextItem {
  return typeof (item as TextItem).str === "string" && Array.isArray((item as TextItem).transform);
}

/** Items on one baseline make a line, read left to right; lines run top to bottom. */
function linesOf(items: readonly TextItem[], page: number): Line[] {
  const rows = new Map<number, TextItem[]>();
  for (const item of items) {
    if (item.str === "") continue;
    const y = Math.round((item.transform[5] ?? 0) / 2) * 2;
    rows.set(y, [...(rows.get(y) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([y, row]) => {
      row.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
      let text = "";
      let end = Number.NEGATIVE_INFINITY;
      for (const item of row) {
        const x = item.transform[4] ?? 0;
        if (text && x > end + 1 && !text.endsWith(" ") && !item.str.startsWith(" ")) text += " ";
        text += item.str;
        end = x + item.width;
      }
      const size = Math.max(...row.map((item) => Math.abs(item.transform[3] ?? item.height)));
      return { text: text.replace(/\s+/g, " ").trim(), y, size, page };
    })
    .filter((line) => line.text !== "");
}

/** Lines printed on most pages (running heads and feet) and page numbers are not text. */
function withoutRunningHeads(
  lines: readonly Line[],
  pages: number,
): { kept: Line[]; notes: string[] } {
  const pagesOf = new Map<string, Set<number>>();
  for (const line of lines)
    pagesOf.set(line.text, (pagesOf.get(line.text) ?? new Set()).add(line.page));
  const running = (line: Line) => pages >= 2 && (pagesOf.get(line.text)?.size ?? 0) > pages / 2;
  const pageNumber = (line: Line) => /^(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i.test(line.text);
  const dropped = lines.filter((line) => running(line) || pageNumber(line));
  const notes = [...new Set(dropped.map((line) => line.text))].map(
    (text) => `running head, foot or page number left out: “${text}”`,
  );
  return { kept: lines.filter((line) => !dropped.includes(line)), notes };
}

/** Lines close together make a paragraph; a wider gap or a change of type size starts another. */
function paragraphsOf(lines: readonly Line[]): Block[] {
  if (lines.length === 0) return [];
  const body = median(lines.map((line) => line.size));
  const gaps: number[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && previous.page === line.page && previous.size === line.size)
      gaps.push(previous.y - line.y);
  });
  const spacing = gaps.length > 0 ? median(gaps) : body * 1.35;
  const groups: Line[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const continues =
      previous !== undefined &&
      previous.size === line.size &&
      (previous.page === line.page
        ? previous.y - line.y <= spacing * PARAGRAPH_GAP
        : !endsSentence(previous.text));
    if (continues) groups.at(-1)?.push(line);
    else groups.push([line]);
  });
  return groups.map((group): Block => {
    const text = group
      .reduce(
        (joined, line) => (joined.endsWith("-") ? joined + line.text : `${joined} ${line.text}`),
        "",
      )
      .trim();
    const heading = group.every((line) => line.size > body * HEADING_SIZE);
    return { text, hint: heading ? "heading" : "line" };
  });
}

function endsSentence(text: string): boolean {
  return /[.!?…]["”’)]?$/.test(text);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function propertiesOf(pdf: { getMetadata(): Promise<{ info: object }> }): Promise<{
  meta: PageMeta;
  metaSources: MetaSources;
}> {
  const meta: PageMeta = {};
  const metaSources: MetaSources = {};
  const { info } = await pdf.getMetadata();
  const field = (name: string): string | undefined => {
    const value = (info as Record<string, unknown>)[name];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const title = field("Title");
  if (title) {
    meta.title = title;
    metaSources.title = "the PDF's properties";
  }
  const author = field("Author");
  if (author) {
    meta.author = author;
    metaSources.author = "the PDF's properties";
  }
  const created = /^D:(\d{4})(\d{2})(\d{2})/.exec(field("CreationDate") ?? "");
  const iso = created ? findDate(`${created[1]}-${created[2]}-${created[3]}`)?.iso : undefined;
  if (iso) {
    meta.date = iso;
    metaSources.date = "the PDF's creation date: check it is the publication date";
  }
  return { meta, metaSources };
}
