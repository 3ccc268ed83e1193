/**
 * The export formats as files: one table says what each format is called, how it is served and
 * how it is made, so the command, the CLI and the docs agree.
 */
import type { CorpusModel } from "../corpus/model.js";
import { toAif } from "./aif.js";
import { toArgdown } from "./argdown.js";
import { toDotExport } from "./dot.js";
import { toArgumentMapJson } from "./json.js";

export const EXPORT_FORMATS = ["argdown", "aif", "dot", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  readonly format: ExportFormat;
  readonly filename: string;
  readonly contentType: string;
  readonly text: string;
}

export interface ExportFormatInfo {
  /** Ours: the format's name for people. */
  readonly name: string;
  readonly filename: string;
  readonly contentType: string;
  /** Ours: what the file is for and what opens it. */
  readonly about: string;
  readonly write: (corpus: CorpusModel) => string;
}

export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  argdown: {
    name: "Argdown",
    filename: "argument-map.argdown",
    contentType: "text/plain; charset=utf-8",
    about:
      "Argdown text: statements and arguments with their relations, one section per pillar, each element's quotes and citations as data. Open it in the Argdown sandbox (argdown.org) or the Argdown VS Code extension.",
    write: (corpus) => toArgdown(corpus),
  },
  aif: {
    name: "AIF (AIFdb JSON)",
    filename: "argument-map.aif.json",
    contentType: "application/json",
    about:
      "Argument Interchange Format as AIFdb JSON: I-nodes for our nodes, RA nodes for supports, CA nodes for attacks, rebuttals and undercuts. Load it into OVA or AIFdb.",
    write: (corpus) => `${JSON.stringify(toAif(corpus), null, 2)}\n`,
  },
  dot: {
    name: "Graphviz DOT",
    filename: "argument-map.dot",
    contentType: "text/vnd.graphviz; charset=utf-8",
    about:
      "Graphviz DOT of every node and relation, in the style of /map's pictures. Render it with `dot -Tsvg argument-map.dot`.",
    write: (corpus) => toDotExport(corpus),
  },
  json: {
    name: "JSON",
    filename: "argument-map.json",
    contentType: "application/json",
    about:
      "Our model as JSON: readings, nodes with their verbatim quotes and citations, relations and glossary. Its JSON Schema is docs/schema/argument-map.schema.json.",
    write: (corpus) => `${JSON.stringify(toArgumentMapJson(corpus), null, 2)}\n`,
  },
};

/** The map in one format, as a file. */
export function exportMap(corpus: CorpusModel, format: ExportFormat): ExportFile {
  const info = EXPORT_FORMAT_INFO[format];
  return {
    format,
    filename: info.filename,
    contentType: info.contentType,
    text: info.write(corpus),
  };
}
