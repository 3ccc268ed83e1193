/**
 * The authored corpus files, as zod schemas. Types are inferred from them so the files and the
 * code cannot drift apart.
 */
import { z } from "zod";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and hyphens (kebab-case)");

const isoDate = z.union([
  z.iso.date(),
  // YAML reads an unquoted 2023-12-06 as a Date; accept it and keep the ISO string.
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

export const documentFileSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** How citations name the reading among others, e.g. "No need to wait"; derived when absent. */
  shortTitle: z.string().min(1).optional(),
  author: z.string().min(1),
  authorShort: z.string().min(1),
  publisher: z.string().min(1),
  publisherShort: z.string().min(1),
  genre: z.string().min(1),
  date: isoDate,
  /** Absent only while a drafted reading waits for the tutor to find the page's address. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  series: z.string().min(1).optional(),
  attribution: z.string().min(1),
  licence: z.string().min(1),
  /** The untouched file the reading was made from, when it is not a plain-text scrape. */
  source: z.string().min(1).optional(),
  /** What an editor must still check or write (left by `npm run ingest`); shown by validate. */
  todo: z.array(z.string().min(1)).default([]),
  scrape: z
    .strictObject({
      file: z.string().min(1),
      chrome: z.array(z.string()).default([]),
      pullQuoteSuffix: z.string().default(""),
    })
    .optional(),
  pullQuotes: z
    .array(z.strictObject({ paragraph: z.number().int().positive(), text: z.string().min(1) }))
    .default([]),
});
export type DocumentFile = z.infer<typeof documentFileSchema>;

export const NODE_KINDS = [
  "thesis",
  "pillar",
  "claim",
  "evidence",
  "objection",
  "rebuttal",
  "context",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const RELATION_TYPES = ["supports", "attacks", "undercuts", "rebuts"] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

const quoteSchema = z.strictObject({
  p: z.number().int().positive(),
  text: z.string().min(1),
});

const nodeSchema = z
  .strictObject({
    id,
    kind: z.enum(NODE_KINDS),
    label: z.string().min(1).max(80),
    summary: z.string().min(1).optional(),
    pillar: id.optional(),
    aliases: z.array(z.string().min(1)).default([]),
    tags: z.array(z.string().min(1)).default([]),
    quotes: z.array(quoteSchema).default([]),
  })
  .refine((node) => node.summary !== undefined || node.quotes.length > 0, {
    message: "a node must be built from a quote, an editor's summary, or both",
  });

const relationSchema = z.strictObject({
  from: id,
  type: z.enum(RELATION_TYPES),
  to: id,
});

const glossaryEntrySchema = z.strictObject({
  term: z.string().min(1),
  expansion: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).default([]),
  definition: z.string().min(1),
  occurs: z.array(z.number().int().positive()).min(1),
});

export const mapFileSchema = z.strictObject({
  nodes: z.array(nodeSchema).min(1),
  relations: z.array(relationSchema).default([]),
  glossary: z.array(glossaryEntrySchema).default([]),
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
});
export type MapFile = z.infer<typeof mapFileSchema>;
