import { z } from "zod";
import { answer } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import { documentRefs } from "../src/core/excerpts.js";
import { findGlossaryEntry, glossaryHeading, glossaryOccurrences } from "../src/core/glossary.js";
import { shorten } from "../src/core/input.js";
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
    const entry = findGlossaryEntry(core, term);
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
    const excerpts = glossaryOccurrences(core, entry);
    return answer("glossary", glossaryHeading(entry), {
      notes: [entry.definition],
      excerpts,
      followUps: [
        { label: `Search: ${entry.term}`, command: "search", options: { query: entry.term } },
      ],
      sources: documentRefs(core, excerpts, [entry.documentId]),
    });
  },
});
