/**
 * What the index holds: every paragraph, and every map node (its label, summary, tags and
 * quotes). Hits on either are reported as the paragraph they stand in, so a paragraph is never
 * listed twice.
 */
import type { CorpusModel } from "../corpus/model.js";

export interface SearchUnit {
  /** `p:<doc>/<n>` for a paragraph, `n:<doc>/<node-id>` for a node. */
  readonly id: string;
  readonly documentId: string;
  /** The paragraph a hit on this unit points to; none for a node built from a summary only. */
  readonly paragraph: number | undefined;
  readonly nodeKey: string | undefined;
  readonly text: string;
  readonly section: string;
  readonly label: string;
  readonly tags: string;
}

export function searchUnits(model: CorpusModel): SearchUnit[] {
  const units: SearchUnit[] = [];
  for (const doc of model.documents) {
    for (const paragraph of doc.paragraphs) {
      const section = doc.sections.find((s) => s.id === paragraph.sectionId);
      units.push({
        id: `p:${doc.id}/${paragraph.number}`,
        documentId: doc.id,
        paragraph: paragraph.number,
        nodeKey: undefined,
        text: paragraph.text,
        section: section && !section.editorial ? section.heading : "",
        label: "",
        tags: "",
      });
    }
  }
  for (const node of model.nodes) {
    units.push({
      id: `n:${node.key}`,
      documentId: node.documentId,
      paragraph: node.quotes[0]?.source.paragraph,
      nodeKey: node.key,
      text: node.quotes.map((q) => q.text).join(" "),
      section: "",
      label: [node.label, node.summary ?? ""].join(" "),
      tags: [...node.tags, ...node.aliases].join(" "),
    });
  }
  return units;
}
