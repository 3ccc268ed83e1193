/**
 * Glossary look-ups shared by `/glossary` and by free questions that ask what a term means
 * ("what is PESCO?"): the entry a name stands for, and the sentences of the reading that use it.
 */
import type { Excerpt } from "./answer.js";
import type { Core } from "./core.js";
import type { GlossaryEntry } from "./corpus/model.js";
import { quoteExcerpt } from "./excerpts.js";
import { nameKey } from "./resolve.js";
import { splitSentences } from "./sentences.js";

/** The entry named by its term, expansion or an alias, or through a synonym group. */
export function findGlossaryEntry(core: Core, term: string): GlossaryEntry | undefined {
  const key = nameKey(term);
  if (!key) return undefined;
  const names = (g: GlossaryEntry) => [g.term, g.expansion ?? "", ...g.aliases].map(nameKey);
  const exact = core.corpus.glossary.find((g) => names(g).includes(key));
  if (exact) return exact;
  const synonyms = core.corpus.synonyms.find((group) => group.some((s) => nameKey(s) === key));
  return synonyms
    ? core.corpus.glossary.find((g) => names(g).some((n) => synonyms.some((s) => nameKey(s) === n)))
    : undefined;
}

/** Ours: an entry's heading, e.g. "PESCO — Permanent Structured Cooperation". */
export function glossaryHeading(entry: GlossaryEntry): string {
  return `${entry.term}${entry.expansion ? ` — ${entry.expansion}` : ""}`;
}

/** The sentences that use the term, verbatim, one per paragraph it occurs in. */
export function glossaryOccurrences(core: Core, entry: GlossaryEntry): Excerpt[] {
  const names = [entry.term, entry.expansion, ...entry.aliases]
    .filter((n): n is string => !!n)
    .map((n) => n.toLowerCase());
  return entry.occurs.flatMap((citation) => {
    const paragraph = core.corpus.paragraph(citation.documentId, citation.paragraph);
    if (!paragraph) return [];
    const sentences = splitSentences(paragraph.text);
    const hit =
      sentences.find((s) => names.some((n) => s.text.toLowerCase().includes(n))) ?? sentences[0];
    if (!hit) return [];
    return [
      quoteExcerpt({
        text: hit.text,
        source: citation,
        elided: { before: hit.start > 0, after: hit.end < paragraph.text.length },
      }),
    ];
  });
}
