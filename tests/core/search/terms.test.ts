import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QueryExpander } from "../../../src/core/search/expand.js";
import {
  contentTerms,
  normalizeTerm,
  processTerm,
  STOP_WORDS,
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
    ["Coalitions", "coalition"],
    ["blocking", "block"],
    ["procuring", "procurement"],
    ["Guarantees", "guarantee"],
    ["Défense", "defense"],
    ["EU", "eu"],
  ])("gives %s the same Porter2 stem as %s", (a, b) => {
    expect(normalizeTerm(a)).toBe(normalizeTerm(b));
  });

  it("keeps numbers and ids as they are", () => {
    expect(normalizeTerm("2022")).toBe("2022");
    expect(normalizeTerm("G7")).toBe("g7");
  });

  it("drops the library's stop words and the words questions are wrapped in", () => {
    for (const word of ["the", "of", "is", "why", "author", "opponent"])
      expect(processTerm(word)).toBeNull();
    expect(STOP_WORDS.has("coalition")).toBe(false);
    expect(contentTerms("What does the author say about the JEF?")).toEqual(["jef"]);
  });

  it("processes a word the same whatever its case or accents", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (word) => {
        expect(processTerm(word.toUpperCase())).toBe(processTerm(word));
      }),
    );
  });
});

describe("query expansion", () => {
  const expander = new QueryExpander([
    ["JEF", "Joint Expeditionary Force"],
    ["Art. 5", "Article 5"],
  ]);
  const texts = (query: string) => expander.expand(query).phrases.map((p) => p.text);

  it("adds the other members of a group the query mentions, as phrases", () => {
    expect(texts("is the JEF binding")).toEqual(["Joint Expeditionary Force"]);
    expect(texts("the joint expeditionary force")).toEqual(["JEF"]);
    expect(expander.expand("is the JEF binding").phrases[0]?.terms).toEqual(
      ["joint", "expeditionary", "force"].map(normalizeTerm),
    );
  });

  it("matches multi-word members only as whole phrases", () => {
    expect(texts("joint force")).toEqual([]);
    expect(texts("Art. 5 clause")).toEqual(["Article 5"]);
  });

  it("never adds a member that holds the student's own word: it would count that word twice", () => {
    const tanks = new QueryExpander([
      ["tanks", "battle tanks"],
      ["Baltics", "Baltic states", "Estonia, Latvia and Lithuania"],
    ]);
    expect(tanks.expand("think tank").phrases).toEqual([]);
    expect(tanks.expand("the baltics").phrases.map((p) => p.text)).toEqual([
      "Estonia, Latvia and Lithuania",
    ]);
  });

  it("adds nothing for a query that names no group", () => {
    expect(expander.expand("coalition of the willing").phrases).toEqual([]);
  });
});
