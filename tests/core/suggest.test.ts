import { describe, expect, it } from "vitest";
import { closest, levenshtein } from "../../src/core/suggest.js";

describe("did-you-mean suggestions", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["coaliton", "coalition", 1],
    ["", "abc", 3],
  ])("levenshtein(%s, %s) = %i", (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
  });

  it("suggests close names, prefixes first, and nothing for unrelated input", () => {
    expect(closest("coaliton", ["g7", "eu", "coalition"])).toEqual(["coalition"]);
    expect(closest("pil", ["pillar", "help", "claim"])).toEqual(["pillar"]);
    expect(closest("zzzzzz", ["pillar", "help"])).toEqual([]);
  });
});
