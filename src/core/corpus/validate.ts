/**
 * Pipeline step 2: check each file's shape with zod and parse the text into sections and
 * paragraphs. Reports every schema issue, each located by file and node.
 */
import { join } from "node:path";
import type { z } from "zod";
import type { LoadedCorpus } from "./load.js";
import { DOCUMENT_FILE, MAP_FILE, TEXT_FILE } from "./load.js";
import type { CorpusProblem } from "./problems.js";
import { type DocumentFile, documentFileSchema, type MapFile, mapFileSchema } from "./schema.js";
import { type ParsedText, parseText } from "./text.js";

export interface ValidatedDocument {
  readonly dir: string;
  readonly meta: DocumentFile;
  readonly text: ParsedText;
  readonly map: MapFile;
  readonly readScrape: (file: string) => string | undefined;
}

export function validateCorpus(corpus: LoadedCorpus): {
  documents: ValidatedDocument[];
  problems: CorpusProblem[];
} {
  const problems: CorpusProblem[] = [];
  const documents: ValidatedDocument[] = [];
  for (const raw of corpus.documents) {
    const meta =
      raw.document === undefined
        ? undefined
        : check(documentFileSchema, raw.document, join(raw.dir, DOCUMENT_FILE), problems);
    const map =
      raw.map === undefined
        ? undefined
        : check(mapFileSchema, raw.map, join(raw.dir, MAP_FILE), problems);
    let text: ParsedText | undefined;
    if (raw.text !== undefined) {
      const parsed = parseText(raw.text, join(raw.dir, TEXT_FILE));
      problems.push(...parsed.problems);
      text = parsed.text;
    }
    if (meta && meta.id !== raw.dir) {
      problems.push({
        code: "schema",
        file: join(raw.dir, DOCUMENT_FILE),
        where: "id",
        message: `the id "${meta.id}" must equal the directory name "${raw.dir}"`,
      });
    }
    if (meta && map && text)
      documents.push({ dir: raw.dir, meta, map, text, readScrape: raw.readScrape });
  }
  return { documents, problems };
}

/** Parses `value` with `schema`; on failure records one problem per zod issue. */
function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  problems: CorpusProblem[],
): z.infer<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      code: "schema",
      file,
      where: locate(value, issue.path),
      message: `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`,
    });
  }
  return undefined;
}

/** Names the node (or glossary term) an issue is in, which is what an editor searches for. */
function locate(value: unknown, path: readonly PropertyKey[]): string {
  const [list, index] = path;
  if (typeof list === "string" && typeof index === "number" && value && typeof value === "object") {
    const item = (value as Record<string, unknown[]>)[list]?.[index] as
      | Record<string, unknown>
      | undefined;
    const name = item?.id ?? item?.term;
    if (typeof name === "string") return name;
    return `${list}[${index}]`;
  }
  return path.map(String).join(".") || "(file)";
}
