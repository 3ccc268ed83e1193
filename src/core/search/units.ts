/**
 * What the indexes hold. Paragraphs (the author's text) are what a search ranks and returns; map
 * nodes (the editors' label, summary and tags, and the author's words they quote) are ranked for
 * the commands that look up a claim or an objection by the editors' words, and bridge to the
 * paragraphs they quote the words a student uses and the author does not. A node's quotes are not
 * indexed again: they are the author's text, already in the paragraphs.
 */
import type { CorpusModel } from "../corpus/model.js";

export interface ParagraphUnit {
  /** `<doc>/<n>` */
  readonly id: string;
  readonly documentId: string;
  readonly paragraph: number;
  readonly text: string;
  /** The author's section heading; empty under a heading we supplied. */
  readonly section: string;
}

export interface NodeUnit {
  /** The node's key, `<doc>/<node-id>`. */
  readonly id: string;
  readonly label: string;
  readonly summary: string;
  readonly tags: string;
}

export function paragraphUnits(model: CorpusModel): ParagraphUnit[] {
  const units: ParagraphUnit[] = [];
  for (const doc of model.documents) {
    const headings = new Map(doc.sections.map((s) => [s.id, s.editorial ? "" : s.heading]));
    for (const paragraph of doc.paragraphs) {
      units.push({
        id: paragraphKey(doc.id, paragraph.number),
        documentId: doc.id,
        paragraph: paragraph.number,
        text: paragraph.text,
        section: headings.get(paragraph.sectionId) ?? "",
      });
    }
  }
  return units;
}

export function nodeUnits(model: CorpusModel): NodeUnit[] {
  return model.nodes.map((node) => ({
    id: node.key,
    label: node.label,
    summary: node.summary ?? "",
    tags: [...node.tags, ...node.aliases].join(" "),
  }));
}

export const paragraphKey = (documentId: string, paragraph: number) => `${documentId}/${paragraph}`;
