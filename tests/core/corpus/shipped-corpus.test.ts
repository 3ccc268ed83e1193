import { describe, expect, it } from "vitest";
import { occursVerbatim } from "../../../src/core/corpus/normalize.js";
import { runCorpusPipeline } from "../../../src/core/corpus/pipeline.js";
import { corpusCopy, SHIPPED_CORPUS, SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";

const key = (id: string) => `${SHIPPED_DOC}/${id}`;

describe("the shipped corpus: Anisova (2023), “No need to wait”", () => {
  const { corpus } = shippedCore();
  const doc = corpus.document(SHIPPED_DOC);

  it("loads and passes every fidelity check", () => {
    const result = runCorpusPipeline(SHIPPED_CORPUS);
    expect(result.problems).toEqual([]);
    expect(result.quotesChecked).toBeGreaterThan(60);
  });

  it("has the metadata a citation needs", () => {
    expect(doc).toMatchObject({
      title:
        "No need to wait: Capability building and collective defence as security guarantees for Ukraine",
      author: "Kateryna Anisova",
      publisher: "European Leadership Network",
      date: "2023-12-06",
      url: "https://www.europeanleadershipnetwork.org/commentary/no-need-to-wait-capability-building-and-collective-defence-as-security-guarantees-for-ukraine/",
    });
    expect(doc?.series).toMatch(/younger-generation Ukrainian scholars/);
  });

  it("is cleaned of page chrome, with 15 paragraphs in reading order", () => {
    const texts = doc?.paragraphs.map((p) => p.text) ?? [];
    expect(texts).toHaveLength(15);
    expect(texts.some((t) => /Skip to content|Image credit/.test(t))).toBe(false);
    expect(texts[0]).toMatch(/^This piece is part of a series/);
    expect(texts[1]).toMatch(/^Security guarantees assured by Ukraine’s membership in NATO/);
    expect(texts[14]).toMatch(/^The opinions articulated above represent the views of the author/);
    expect(doc?.sections.map((s) => s.id)).toEqual([
      "series-note",
      "introduction",
      "g7",
      "eu",
      "coalition",
      "conclusions",
      "disclaimer",
    ]);
  });

  it("keeps the four pull quotes as highlights of body paragraphs, never as paragraphs", () => {
    expect(doc?.pullQuotes).toHaveLength(4);
    for (const pull of doc?.pullQuotes ?? []) {
      const paragraph = doc?.paragraphs[pull.source.paragraph - 1];
      expect(paragraph && occursVerbatim(pull.text, paragraph.text)).toBe(true);
      expect(
        doc?.paragraphs.some(
          (p) => p.text.startsWith(pull.text) && p.text.endsWith("Kateryna Anisova"),
        ),
      ).toBe(false);
    }
  });

  it("cites every paragraph from at least one node", () => {
    const cited = new Set(corpus.nodes.flatMap((n) => n.quotes.map((q) => q.source.paragraph)));
    expect([...cited].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it("maps the thesis, three pillars, at least 25 claims and evidence, and 6 answered objections", () => {
    expect(corpus.nodesOfKind("thesis")).toHaveLength(1);
    expect(
      corpus
        .nodesOfKind("pillar")
        .map((p) => p.id)
        .sort(),
    ).toEqual(["coalition", "eu", "g7"]);
    expect(
      corpus.nodesOfKind("claim").length + corpus.nodesOfKind("evidence").length,
    ).toBeGreaterThanOrEqual(25);
    for (const id of [
      "obj-arming-alone",
      "obj-wait-for-nato",
      "obj-eu-secondary",
      "obj-work-through-frameworks",
      "obj-reorient-jef",
      "obj-coalition-replaces-nato",
    ]) {
      expect(corpus.rebuttalsOf(key(id)).length, id).toBeGreaterThan(0);
    }
  });

  it("has the glossary the seminar needs, each entry occurring where it says", () => {
    const terms = corpus.glossary.map((g) => g.term);
    for (const term of [
      "EUMAM",
      "EDIRPA",
      "ASAP",
      "PESCO",
      "CARD",
      "CSDP",
      "JEF",
      "Article 5",
      "Article 42(7)",
      "G7",
      "coalition of the willing",
    ]) {
      expect(terms).toContain(term);
    }
    const jef = corpus.glossary.find((g) => g.term === "JEF");
    expect(jef?.occurs.map((c) => c.paragraph)).toEqual([13]);
  });

  it("answers basic questions about the map", () => {
    const coalitionClaims = corpus.claimsOf(key("coalition")).map((n) => n.id);
    expect(coalitionClaims).toEqual(
      expect.arrayContaining([
        "coal-mutual-defence-clause",
        "coal-like-minded",
        "coal-new-separate",
      ]),
    );
    expect(corpus.attackersOf(key("coal-new-separate")).map((n) => n.id)).toContain(
      "obj-reorient-jef",
    );
    expect(
      corpus
        .rebuttalsOf(key("obj-reorient-jef"))
        .map((n) => n.id)
        .sort(),
    ).toEqual(["reb-jef-baltic-focus", "reb-jef-northern-european", "reb-jef-not-treaty"]);
    expect(corpus.unansweredObjections().every((o) => o.tags.includes("unanswered"))).toBe(true);
  });

  it("shows quotes in the source's own characters even when the map typed straight quotes", () => {
    for (const node of corpus.nodes) {
      for (const quote of node.quotes) {
        expect(
          doc?.paragraphs[quote.source.paragraph - 1]?.text.includes(quote.text),
          `${node.id}: ${quote.text}`,
        ).toBe(true);
      }
    }
  });

  it("notices when the cleaned text drifts from the scraped page", () => {
    const root = corpusCopy(
      [SHIPPED_CORPUS],
      [
        {
          file: `${SHIPPED_DOC}/text.md`,
          from: "the only fully reliable option",
          to: "the only truly reliable option",
        },
      ],
    );
    const problems = runCorpusPipeline(root).problems;
    expect(problems.map((p) => p.code)).toContain("scrape-mismatch");
    expect(problems.find((p) => p.code === "scrape-mismatch" && p.where === "¶2")?.file).toBe(
      `${SHIPPED_DOC}/text.md`,
    );
  });
});
