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
  return `${doc.author}, “${doc.title}”, ${doc.publisher}, ${longDate(doc.date)}${where}. ${doc.url}`;
}
