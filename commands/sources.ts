import { z } from "zod";
import { answer } from "../src/core/answer.js";
import { citeFull } from "../src/core/cite.js";
import { defineCommand } from "../src/core/command.js";
import { documentRefs } from "../src/core/excerpts.js";

export default defineCommand({
  name: "sources",
  description: "The readings the assistant quotes, with a formatted citation and link",
  options: z.object({}),
  examples: ["sources"],
  run(core) {
    const sources = documentRefs(
      core,
      [],
      core.corpus.documents.map((d) => d.id),
    );
    return answer("sources", core.corpus.documents.length === 1 ? "The reading" : "The readings", {
      notes: core.corpus.documents.flatMap((doc, i) => [
        citeFull(sources[i] ?? { ...doc, shortCite: "" }),
        ...(doc.series ? [`Series: ${doc.series}`] : []),
        `Licence: ${doc.licence}`,
        `${doc.paragraphs.length} paragraphs in ${doc.sections.length} sections; every quote this assistant shows is checked against this text.`,
      ]),
      followUps: [{ label: "Help", command: "help", options: {} }],
      sources,
    });
  },
});
