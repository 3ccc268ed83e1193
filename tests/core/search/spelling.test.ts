import { describe, expect, it } from "vitest";
import { britishSpelling } from "../../../src/core/search/spelling.js";
import { normalizeTerm } from "../../../src/core/search/terms.js";

describe("britishSpelling", () => {
  it("gives the British spelling of words the two spell apart", () => {
    expect(britishSpelling("defense")).toBe("defence");
    expect(britishSpelling("program")).toBe("programme");
    expect(britishSpelling("organizations")).toBe("organisations");
  });

  it("leaves every other word as it is", () => {
    for (const word of ["defence", "coalition", "defensive", "nato"])
      expect(britishSpelling(word)).toBe(word);
  });

  it("makes both spellings one search term", () => {
    expect(normalizeTerm("Defense")).toBe(normalizeTerm("defence"));
    expect(normalizeTerm("prioritized")).toBe(normalizeTerm("prioritised"));
  });
});
