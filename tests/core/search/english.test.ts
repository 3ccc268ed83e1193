import { describe, expect, it } from "vitest";
import { isCommonEnglishWord } from "../../../src/core/search/english.js";

describe("isCommonEnglishWord", () => {
  it("knows everyday words, whatever their case", () => {
    for (const word of ["class", "scare", "supposed", "Stops", "IRRELEVANT"])
      expect(isCommonEnglishWord(word), word).toBe(true);
  });

  it("does not know misspellings, even ones subtitles repeat a few times", () => {
    for (const word of ["coalitoin", "guarentees", "membrship", "wiling", "autor"])
      expect(isCommonEnglishWord(word), word).toBe(false);
  });

  it("finds the first and last words of its list (the search's bounds)", () => {
    expect(isCommonEnglishWord("a")).toBe(true);
    expect(isCommonEnglishWord("zoo")).toBe(true);
    expect(isCommonEnglishWord("")).toBe(false);
    expect(isCommonEnglishWord("zzzzzz")).toBe(false);
  });
});
