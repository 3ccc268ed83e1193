import { z } from "zod";
import { answer } from "../src/core/answer.js";
import { CITATION_STYLES, citations } from "../src/core/bibliography.js";
import { citeFull } from "../src/core/cite.js";
import { defineCommand } from "../src/core/command.js";
import { documentRefs } from "../src/core/excerpts.js";

export default defineCommand({
  name: "sources",
  description: "The readings the assistant quotes, each cited in APA, Chicago, MLA and BibTeX",
  options: z.object({}),
  examples: ["sources"],
  run(core) {
    const documents = core.corpus.documents;
    const sources = documentRefs(
      core,
      [],
      documents.map((d) => d.id),
    );
    const many = documents.length > 1;
    const formatted = documents.map((doc) => citations(doc));
    return answer("sources", many ? `The ${documents.length} readings` : "The reading", {
      notes: documents.flatMap((doc, i) => {
        const ref = sources[i] ?? { ...doc };
        const cited = formatted[i];
        return [
          ...(many
            ? [`Reading ${i + 1} of ${documents.length}: ${doc.shortCite} (id ${doc.id})`]
            : []),
          citeFull(ref),
          ...(cited ? CITATION_STYLES.map((style) => `${style}: ${oneLine(cited[style])}`) : []),
          ...(doc.series ? [`Series: ${doc.series}`] : []),
          `Licence: ${doc.licence}`,
          `${doc.paragraphs.length} paragraphs in ${doc.sections.length} sections; every quote this assistant shows is checked against this text.`,
          ...(doc.todo.length > 0
            ? [
                `Draft: the editors still have ${doc.todo.length} thing(s) to check in this reading's metadata and map.`,
              ]
            : []),
        ];
      }),
      followUps: [{ label: "Help", command: "help", options: {} }],
      sources,
    });
  },
});

/** BibTeX spans lines; a note is one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
