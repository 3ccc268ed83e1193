/** Citation formats shared by every renderer, so a quote is cited the same way everywhere. */
import type { DocumentRef, SourceRef } from "./answer.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2023-12-06" → "6 Dec 2023" */
export function shortDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "2023-12-06" → "6 December 2023" */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${day} ${MONTHS_LONG[(month ?? 1) - 1]} ${year}`;
}

/** The title up to its colon or dash, else its first six words: "No need to wait". */
export function shortTitleOf(title: string): string {
  const clause = title.split(/\s*[:—–]\s+|\s+[-–—]\s+/)[0]?.trim() || title;
  const words = clause.split(/\s+/);
  return words.length <= 8 ? clause : `${words.slice(0, 6).join(" ")}…`;
}

/**
 * How a cite names a reading: "Anisova, ELN, 6 Dec 2023". When the corpus holds several readings
 * the short title joins it ("Anisova, “No need to wait”, ELN, 6 Dec 2023"), so two pieces by one
 * author, or from one publisher, are told apart.
 */
export function readingShortCite(
  doc: {
    readonly authorShort: string;
    readonly shortTitle: string;
    readonly publisherShort: string;
    readonly date: string;
  },
  readingsInCorpus: number,
): string {
  const title = readingsInCorpus > 1 ? ` “${doc.shortTitle}”,` : "";
  return `${doc.authorShort},${title} ${doc.publisherShort}, ${shortDate(doc.date)}`;
}

/** "Anisova, ELN, 6 Dec 2023, ¶13" */
export function citeShort(source: SourceRef, documents: readonly DocumentRef[]): string {
  const doc = documents.find((d) => d.id === source.documentId);
  return doc
    ? `${doc.shortCite}, ¶${source.paragraph}`
    : `${source.documentId}, ¶${source.paragraph}`;
}

/**
 * A full reference for a reading (/sources), or for one paragraph of it (card cites): the
 * section is named unless its heading is ours.
 */
export function citeFull(
  doc: DocumentRef,
  at?: { readonly paragraph: number; readonly section: string; readonly sectionEditorial: boolean },
): string {
  const where = at
    ? `, ¶${at.paragraph}${at.sectionEditorial ? "" : `, section “${at.section}”`}`
    : "";
  return `${doc.author}, “${doc.title}”, ${doc.publisher}, ${longDate(doc.date)}${where}.${doc.url ? ` ${doc.url}` : ""}`;
}
