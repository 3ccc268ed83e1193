import { z } from "zod";
import { type Answer, answer } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import { documentRefs } from "../src/core/excerpts.js";
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportFormat,
  exportMap,
} from "../src/core/export/formats.js";
import { readingOption } from "../src/core/option-fields.js";
import { withReading } from "../src/core/readings.js";

export default defineCommand({
  name: "export",
  description: "Take the argument map away as Argdown, AIF (AIFdb JSON), Graphviz DOT or JSON",
  options: z.object({
    format: z.enum(EXPORT_FORMATS).describe("argdown, aif, dot or json"),
    reading: readingOption,
  }),
  examples: ["export argdown", "export format:aif", "export --format json"],
  run: (core, { format, reading }) =>
    withReading(
      core,
      {
        command: "export",
        reading,
        asked: "an argument map",
        retry: `/export ${format}`,
        options: { format },
        match: (one) => (one.corpus.nodes.length > 0 ? 1 : 0),
      },
      (one) => exportAnswer(one, format),
    ),
});

function exportAnswer(core: Core, format: ExportFormat): Answer {
  const info = EXPORT_FORMAT_INFO[format];
  const file = exportMap(core.corpus, format);
  const { nodes, relations } = core.corpus;
  const contents = `${nodes.length} nodes and ${relations.length} relations`;
  return answer("export", `Export: ${info.name}`, {
    notes: [
      `${info.about} (${contents})`,
      "Quote texts in the file are the author's words, verbatim and cited; labels, summaries and headings are ours, and the file says so.",
    ],
    attachments: [
      {
        filename: file.filename,
        contentType: file.contentType,
        data: new TextEncoder().encode(file.text),
        description: `The argument map as ${info.name}: ${contents}.`,
      },
    ],
    followUps: [
      ...EXPORT_FORMATS.filter((f) => f !== format).map((f) => ({
        label: `As ${EXPORT_FORMAT_INFO[f].name}`,
        command: "export",
        options: { format: f },
      })),
      { label: "See the map", command: "map", options: {} },
    ],
    sources: documentRefs(
      core,
      [],
      core.corpus.documents.map((d) => d.id),
    ),
  });
}
