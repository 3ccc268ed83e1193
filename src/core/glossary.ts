/**
 * Glossary look-ups shared by `/glossary` and by free questions that ask what a term means
 * ("what is PESCO?"): the entry a name stands for, and the sentences of the reading that use it.
 */
import type { Excerpt } from "./answer.js";
import type { Core } from "./core.js";
import type { CorpusModel, GlossaryEntry } from "./corpus/model.js";
import { quoteExcerpt } from "./excerpts.js";
import { nameKey } from "./resolve.js";
import { splitSentences } from "./sentences.js";

/** The entry named by its term, expansion or an alias, or through a synonym group. */
export function findGlossaryEntry(core: Core, term: string): GlossaryEntry | undefined {
  const key = nameKey(term);
  return key ? glossaryNames(core.corpus).get(key) : undefined;
}

/**
 * Each corpus's glossary by folded name. Every free question asks whether it names a term, so
 * the names are folded once per corpus (a corpus never changes), not on every question.
 */
function glossaryNames(corpus: CorpusModel): ReadonlyMap<string, GlossaryEntry> {
  const known = glossaryNamesOf.get(corpus);
  if (known) return known;
  const named = corpus.glossary.map((entry) => ({
    entry,
    keys: [entry.term, entry.expansion ?? "", ...entry.aliases].map(nameKey).filter(Boolean),
  }));
  const byName = new Map<string, GlossaryEntry>();
  // A name is the first entry that has it; failing that, its first synonym group's entry.
  for (const { entry, keys } of named)
    for (const key of keys) if (!byName.has(key)) byName.set(key, entry);
  const grouped = new Set<string>();
  for (const group of corpus.synonyms) {
    const keys = group.map(nameKey);
    const entry = named.find((n) => n.keys.some((k) => keys.includes(k)))?.entry;
    for (const key of keys) {
      if (grouped.has(key)) continue;
      grouped.add(key);
      if (entry && !byName.has(key)) byName.set(key, entry);
    }
  }
  glossaryNamesOf.set(corpus, byName);
  return byName;
}

const glossaryNamesOf = new WeakMap<CorpusModel, ReadonlyMap<string, GlossaryEntry>>();

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
