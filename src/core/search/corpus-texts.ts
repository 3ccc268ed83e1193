/** The texts of a corpus that search reads besides its paragraphs, and where a node's quotes sit. */
import type { CorpusModel, MapNode } from "../corpus/model.js";
import type { Paragraph } from "../corpus/text.js";
import type { Passage } from "./passage.js";

/** True equivalences: synonym groups and glossary terms with their expansions and aliases. */
export function equivalences(model: CorpusModel): (readonly string[])[] {
  return [
    ...model.synonyms,
    ...model.glossary.map((g) => [g.term, ...(g.expansion ? [g.expansion] : []), ...g.aliases]),
  ];
}

/**
 * Every text whose words the readings "know". Authors' names are known words (a student's
 * "what does Anisova say" is not a typo to correct) that no paragraph holds, so they never
 * decide a ranking.
 */
export function* lexiconTexts(model: CorpusModel): Iterable<string> {
  for (const doc of model.documents) {
    yield doc.author;
    for (const p of doc.paragraphs) yield p.text;
    for (const s of doc.sections) yield s.heading;
  }
  for (const n of model.nodes) yield* [n.label, n.summary ?? "", ...n.tags, ...n.aliases];
  for (const g of model.glossary) yield* [g.term, g.expansion ?? "", ...g.aliases];
  for (const group of model.synonyms) yield* group;
}

/** A node's own words (the editors'), as one text for matching phrases. */
export function nodeText(node: MapNode | undefined): string | undefined {
  if (!node) return undefined;
  return [node.label, node.summary ?? "", ...node.tags, ...node.aliases].join(" \n ");
}

/** Whether one of the node's quotes in this paragraph overlaps the passage. */
export function overlaps(node: MapNode, paragraph: Paragraph, passage: Passage): boolean {
  return node.quotes.some((q) => {
    if (q.source.paragraph !== paragraph.number) return false;
    const at = paragraph.text.indexOf(q.text);
    return at >= 0 && at < passage.end && at + q.text.length > passage.start;
  });
}
