import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../../src/core/core.js";
import type { CorpusModel } from "../../../src/core/corpus/model.js";
import { exportMap } from "../../../src/core/export/formats.js";
import {
  ARGUMENT_MAP_SCHEMA_PATH,
  argumentMapJsonSchema,
  argumentMapSchema,
  argumentMapSchemaFileText,
} from "../../../src/core/export/schema.js";
import { projectRoot } from "../../../src/core/paths.js";
import { shippedCore } from "../../helpers/corpus.js";
import { MAP_FIXTURE_CORPUS } from "./fixture.js";

const corpora: [string, CorpusModel][] = [
  ["the shipped corpus", shippedCore().corpus],
  ["the map fixture", createCore(MAP_FIXTURE_CORPUS).corpus],
];

describe.each(corpora)("the JSON export of %s", (_, corpus) => {
  const json: unknown = JSON.parse(exportMap(corpus, "json").text);

  it("validates against the published schema (its zod source), with nothing extra", () => {
    const parsed = argumentMapSchema.safeParse(json);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(parsed.data).toEqual(json);
  });

  it("holds every node, relation and quote of the model, quotes verbatim in their paragraphs", () => {
    const data = argumentMapSchema.parse(json);
    expect(data.nodes.map((n) => n.key)).toEqual(corpus.nodes.map((n) => n.key));
    expect(data.relations).toEqual(corpus.relations.map((r) => ({ ...r })));
    for (const node of data.nodes) {
      for (const quote of node.quotes) {
        const paragraph = corpus.paragraph(quote.source.documentId, quote.source.paragraph);
        expect(paragraph?.text.includes(quote.text), quote.text).toBe(true);
        expect(quote.source.cite).toMatch(new RegExp(`, ¶${quote.source.paragraph}$`));
      }
    }
  });

  it("does not carry the readings' full text", () => {
    const text = JSON.stringify(json);
    for (const doc of corpus.documents) {
      const quoted = new Set(corpus.nodes.flatMap((n) => n.quotes.map((q) => q.text)));
      const unquoted = doc.paragraphs.filter((p) => ![...quoted].some((q) => q === p.text));
      for (const paragraph of unquoted)
        expect(text.includes(JSON.stringify(paragraph.text).slice(1, -1))).toBe(false);
    }
  });
});

describe("the published JSON Schema", () => {
  it("is the committed file (run scripts/export-schema.ts after changing the schema)", () => {
    // Compared as JSON, keys in order: Biome owns the file's layout.
    const committed: unknown = JSON.parse(
      readFileSync(join(projectRoot(), ARGUMENT_MAP_SCHEMA_PATH), "utf8"),
    );
    expect(JSON.stringify(committed)).toBe(JSON.stringify(JSON.parse(argumentMapSchemaFileText())));
  });

  it("is draft 2020-12, closed to unknown fields and says what is ours", () => {
    const schema = argumentMapJsonSchema() as {
      $schema: string;
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(["formatVersion", "nodes", "relations"]),
    );
    expect(argumentMapSchemaFileText()).toContain("Ours: a short label");
  });

  it("rejects a map with a node of an unknown kind or a missing quote citation", () => {
    const valid = JSON.parse(exportMap(shippedCore().corpus, "json").text);
    const badKind = structuredClone(valid);
    badKind.nodes[0].kind = "opinion";
    expect(argumentMapSchema.safeParse(badKind).success).toBe(false);
    const uncited = structuredClone(valid);
    delete uncited.nodes[0].quotes[0].source;
    expect(argumentMapSchema.safeParse(uncited).success).toBe(false);
  });
});
