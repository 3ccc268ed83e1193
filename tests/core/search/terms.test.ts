import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QueryExpander } from "../../../src/core/search/expand.js";
import {
  contentTerms,
  normalizeTerm,
  processTerm,
  tokenize,
} from "../../../src/core/search/terms.js";

describe("search terms", () => {
  it.each([
    ["Article 42(7)", ["Article", "42", "7"]],
    ["G7-EU-coalition-of-willing", ["G7", "EU", "coalition", "of", "willing"]],
    ["Ukraine’s", ["Ukraine", "s"]],
  ])("tokenises %j", (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it.each([
    ["Guarantees", "guarantee"],
    ["capabilities", "capability"],
    ["process", "process"],
    ["Baltics", "baltic"],
    ["EU", "eu"],
  ])("normalises %s to %s", (term, normalised) => {
    expect(normalizeTerm(term)).toBe(normalised);
  });

  it("drops stop words and question words", () => {
    expect(processTerm("why")).toBeNull();
    expect(processTerm("author")).toBeNull();
    expect(contentTerms("What does the author say about the JEF?")).toEqual(["jef"]);
  });

  it("normalising twice changes nothing (index and query agree)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (word) => {
        const once = normalizeTerm(word);
        expect(normalizeTerm(once)).toBe(once);
      }),
    );
  });
});

describe("query expansion", () => {
  const expander = new QueryExpander([
    ["JEF", "Joint Expeditionary Force"],
    ["Art. 5", "Article 5"],
  ]);

  it("adds the other members of a group the query mentions", () => {
    expect(expander.expand("is the JEF binding").expansions).toEqual([
      "joint",
      "expeditionary",
      "force",
    ]);
    expect(expander.expand("the joint expeditionary force").expansions).toEqual(["jef"]);
  });

  it("matches multi-word members only as whole phrases", () => {
    expect(expander.expand("joint force").expansions).toEqual([]);
    expect(expander.expand("Art. 5 clause").expansions).toEqual(["article"]);
  });
});
