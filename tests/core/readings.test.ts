import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/core/core.js";
import { readingCore, wholeCore } from "../../src/core/readings.js";
import { SHIPPED_DOC, shippedCore } from "../helpers/corpus.js";
import { SECOND_DOC, twoReadingsCore } from "../helpers/two-readings.js";

describe("a core limited to one reading", () => {
  let core: Core;
  let second: Core;
  beforeAll(async () => {
    core = await twoReadingsCore();
    second = readingCore(core, SECOND_DOC) as Core;
  });

  it("holds that reading's document, nodes, relations and glossary only, as the same objects", () => {
    expect(second.corpus.documents.map((d) => d.id)).toEqual([SECOND_DOC]);
    expect(second.corpus.nodes.length).toBeGreaterThan(0);
    expect(second.corpus.nodes.every((n) => n.documentId === SECOND_DOC)).toBe(true);
    expect(second.corpus.nodes).toEqual(
      core.corpus.nodes.filter((n) => n.documentId === SECOND_DOC),
    );
    const keys = new Set(second.corpus.nodes.map((n) => n.key));
    expect(second.corpus.relations.length).toBeGreaterThan(0);
    expect(second.corpus.relations.every((r) => keys.has(r.from) && keys.has(r.to))).toBe(true);
    expect(second.corpus.glossary.every((g) => g.documentId === SECOND_DOC)).toBe(true);
    // A bare id two readings share resolves within the reading; across both it does not.
    expect(core.corpus.node("coalition")).toBeUndefined();
    expect(second.corpus.node("coalition")?.key).toBe(`${SECOND_DOC}/coalition`);
  });

  it("searches the shared index but finds that reading's nodes and paragraphs only", () => {
    const everywhere = core.search.searchParagraphs("guarantee treaty");
    expect(new Set(everywhere.map((h) => h.documentId))).toEqual(
      new Set([SHIPPED_DOC, SECOND_DOC]),
    );
    const here = second.search.searchParagraphs("guarantee treaty");
    expect(here.length).toBeGreaterThan(0);
    expect(here).toEqual(everywhere.filter((h) => h.documentId === SECOND_DOC));
    const nodes = second.search.searchNodes("coalition");
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((h) => h.node.documentId === SECOND_DOC)).toBe(true);
  });

  it("is made once per reading, knows the whole core, and is undefined for an unknown id", () => {
    expect(readingCore(core, SECOND_DOC)).toBe(second);
    expect(wholeCore(second)).toBe(core);
    expect(readingCore(second, SHIPPED_DOC)?.corpus.documents[0]?.id).toBe(SHIPPED_DOC);
    expect(readingCore(core, "no-such-reading")).toBeUndefined();
  });

  it("is the core itself when the corpus holds one reading", () => {
    const shipped = shippedCore();
    expect(readingCore(shipped, SHIPPED_DOC)).toBe(shipped);
    expect(readingCore(shipped, SECOND_DOC)).toBeUndefined();
  });
});
