import { describe, expect, it } from "vitest";
import type { SearchUnit } from "../../../src/core/search/units.js";
import { Vocabulary } from "../../../src/core/search/vocabulary.js";

const unit = (id: string, fields: Partial<SearchUnit>): SearchUnit => ({
  id,
  documentId: "doc",
  paragraph: 1,
  nodeKey: undefined,
  text: "",
  section: "",
  label: "",
  tags: "",
  ...fields,
});

const vocabulary = Vocabulary.of([
  unit("p:1", { text: "The Coalitions of the willing act quickly.", section: "Défense" }),
  unit("n:1", { label: "Memorandum", tags: "jef treaty" }),
]);

describe("the vocabulary of an index", () => {
  it("holds every indexed field's terms, processed as the index processes them", () => {
    expect(vocabulary.has("coalition")).toBe(true); // plural stripped, lower-cased
    expect(vocabulary.has("defense")).toBe(true); // accents folded
    expect(vocabulary.has("memorandum")).toBe(true);
    expect(vocabulary.has("jef")).toBe(true);
    expect(vocabulary.has("Coalitions")).toBe(false);
  });

  it("leaves stop words out, as the index does", () => {
    expect(vocabulary.has("the")).toBe(false);
    expect(vocabulary.has("of")).toBe(false);
    expect(vocabulary.size).toBe(8);
  });

  it("knows the start of a word, and not a typo", () => {
    expect(vocabulary.hasPrefix("coalit")).toBe(true);
    expect(vocabulary.hasPrefix("willing")).toBe(true);
    expect(vocabulary.hasPrefix("coalitoin")).toBe(false);
    expect(vocabulary.hasPrefix("zzz")).toBe(false);
    expect(vocabulary.has("coalit")).toBe(false);
  });
});
