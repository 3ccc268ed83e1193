import { z } from "zod";
import { answer, type Excerpt } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { GlossaryEntry } from "../src/core/corpus/model.js";
import { documentRefs, quoteExcerpt } from "../src/core/excerpts.js";
import { shorten } from "../src/core/input.js";
import { nameKey } from "../src/core/resolve.js";
import { splitSentences } from "../src/core/sentences.js";
import { closest } from "../src/core/suggest.js";

export default defineCommand({
  name: "glossary",
  description: "What a term or acronym in the reading means, and where it occurs",
  options: z.object({
    term: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .describe("A term, e.g. PESCO, JEF, Article 5; empty for the list")
      .meta({ autocomplete: "glossary" }),
  }),
  examples: ["glossary PESCO", "glossary Art. 5", "glossary"],
  run(core, { term }) {
    if (!term) {
      return answer("glossary", "Glossary", {
        notes: core.corpus.glossary.map(
          (g) => `${g.term}${g.expansion ? ` — ${g.expansion}` : ""}`,
        ),
        followUps: core.corpus.glossary
          .slice(0, 3)
          .map((g) => ({ label: g.term, command: "glossary", options: { term: g.term } })),
        sources: documentRefs(
          core,
          [],
          core.corpus.documents.map((d) => d.id),
        ),
      });
    }
    const entry = findEntry(core, term);
    if (!entry) {
      const names = core.corpus.glossary.flatMap((g) => [g.term, ...g.aliases]);
      const near = closest(term, names);
      return answer("glossary", `No glossary entry for “${shorten(term, 40)}”`, {
        status: "not-found",
        notes: [
          near.length
            ? `Did you mean ${near.join(" or ")}?`
            : "Try /glossary with no term for the list.",
        ],
        suggestions: near.map((n) => `/glossary ${n}`),
      });
    }
    const excerpts = occurrences(core, entry);
    return answer("glossary", `${entry.term}${entry.expansion ? ` — ${entry.expansion}` : ""}`, {
      notes: [entry.definition],
      excerpts,
      followUps: [
        { label: `Search: ${entry.term}`, command: "search", options: { query: entry.term } },
      ],
      sources: documentRefs(core, excerpts, [entry.documentId]),
    });
  },
});

function findEntry(core: Core, term: string): GlossaryEntry | undefined {
  const key = nameKey(term);
  const names = (g: GlossaryEntry) => [g.term, g.expansion ?? "", ...g.aliases].map(nameKey);
  const exact = core.corpus.glossary.find((g) => names(g).includes(key));
  if (exact) return exact;
  const synonyms = core.corpus.synonyms.find((group) => group.some((s) => nameKey(s) === key));
  return synonyms
    ? core.corpus.glossary.find((g) => names(g).some((n) => synonyms.some((s) => nameKey(s) === n)))
    : undefined;
}

/** The sentences that use the term, verbatim, one per paragraph it occurs in. */
function occurrences(core: Core, entry: GlossaryEntry): Excerpt[] {
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
