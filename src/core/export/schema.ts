/**
 * The JSON export's format as zod schemas: the single source for the TypeScript types, for
 * checking an export, and for the published JSON Schema (docs/schema/argument-map.schema.json,
 * written by scripts/export-schema.ts).
 */
import { z } from "zod";
import { NODE_KINDS, RELATION_TYPES } from "../corpus/schema.js";

export const ARGUMENT_MAP_FORMAT_VERSION = 1;

/** Where the published schema lives in the repository. */
export const ARGUMENT_MAP_SCHEMA_PATH = "docs/schema/argument-map.schema.json";

const nodeKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/)
  .describe("A node's key, unique across readings: `<document-id>/<node-id>`.");

const citationSchema = z
  .strictObject({
    documentId: z.string().min(1),
    sectionId: z.string().min(1),
    section: z.string().describe("The section heading; ours when `sectionEditorial` is true."),
    sectionEditorial: z
      .boolean()
      .describe("True when the page has no heading there and the heading is ours."),
    paragraph: z.number().int().positive().describe("1-based paragraph number across the reading."),
    url: z.url(),
    cite: z.string().min(1).describe('Short citation, e.g. "Anisova, ELN, 6 Dec 2023, ¶13".'),
  })
  .describe("Where a quote comes from.");

const quoteSchema = z
  .strictObject({
    text: z.string().min(1).describe("The author's words, verbatim (checked against the reading)."),
    source: citationSchema,
  })
  .describe("A verbatim quote with its citation.");

const nodeSchema = z
  .strictObject({
    key: nodeKey,
    id: z.string().min(1),
    documentId: z.string().min(1),
    kind: z.enum(NODE_KINDS),
    label: z
      .string()
      .min(1)
      .describe("Ours: a short label (the editors' words, not the author's)."),
    summary: z
      .string()
      .min(1)
      .optional()
      .describe("Ours: a one-sentence summary, when the editors wrote one."),
    pillar: nodeKey.optional().describe("Key of the pillar this node is grouped under."),
    aliases: z.array(z.string()).describe("Ours: other names a student might use."),
    tags: z.array(z.string()).describe("Ours: search tags."),
    quotes: z.array(quoteSchema).describe("The author's words this node stands for."),
  })
  .describe("A node of the argument map.");

const relationSchema = z
  .strictObject({
    from: nodeKey,
    type: z.enum(RELATION_TYPES),
    to: nodeKey,
  })
  .describe("`from` supports, attacks, undercuts (attacks the inference to) or rebuts `to`.");

const documentSchema = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    author: z.string().min(1),
    publisher: z.string().min(1),
    date: z.iso.date(),
    url: z.url(),
    attribution: z.string().min(1),
    licence: z.string().min(1),
    shortCite: z.string().min(1),
  })
  .describe(
    "A reading the map is built from. Its full text is not exported: it is on the publisher's page.",
  );

const glossarySchema = z
  .strictObject({
    documentId: z.string().min(1),
    term: z.string().min(1),
    expansion: z.string().min(1).optional(),
    aliases: z.array(z.string()),
    definition: z.string().min(1).describe("Ours: the editors' definition."),
    paragraphs: z.array(z.number().int().positive()).describe("Paragraphs where the term occurs."),
  })
  .describe("A term used in the reading.");

export const argumentMapSchema = z
  .strictObject({
    formatVersion: z.literal(ARGUMENT_MAP_FORMAT_VERSION),
    generator: z.string().min(1),
    notice: z.string().min(1).describe("What in this file is the author's and what is ours."),
    documents: z.array(documentSchema),
    nodes: z.array(nodeSchema),
    relations: z.array(relationSchema),
    glossary: z.array(glossarySchema),
  })
  .meta({
    title: "Argument map",
    description:
      "An argument map of policy readings: nodes (thesis, pillars, claims, evidence, objections, rebuttals, context) with the author's verbatim quotes, and the relations between them.",
  });

export type ArgumentMapJson = z.infer<typeof argumentMapSchema>;

/** The published JSON Schema (draft 2020-12), generated from {@link argumentMapSchema}. */
export function argumentMapJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(argumentMapSchema, { target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return { $schema, $id: "argument-map.schema.json", ...rest };
}

/** The schema file's exact text, as committed: two-space JSON and a final newline. */
export function argumentMapSchemaFileText(): string {
  return `${JSON.stringify(argumentMapJsonSchema(), null, 2)}\n`;
}
