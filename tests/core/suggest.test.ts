import fc from "fast-check";
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

  it("agrees with the textbook table, whatever the lengths and the order of calls", () => {
    // The implementation reuses its rows between calls; the reference builds a fresh table.
    const textbook = (a: string, b: string): number => {
      const table = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          (table[i] as number[])[j] = Math.min(
            (table[i - 1]?.[j] as number) + 1,
            (table[i]?.[j - 1] as number) + 1,
            (table[i - 1]?.[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
      return table[a.length]?.[b.length] as number;
    };
    const text = fc.string({
      unit: fc.constantFrom("a", "b", "c", "é", "🇺"),
      maxLength: 200,
      size: "max",
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 }), (pairs) => {
        for (const [a, b] of pairs) expect(levenshtein(a, b)).toBe(textbook(a, b));
      }),
    );
  });

  it("suggests close names, prefixes first, and nothing for unrelated input", () => {
    expect(closest("coaliton", ["g7", "eu", "coalition"])).toEqual(["coalition"]);
    expect(closest("pil", ["pillar", "help", "claim"])).toEqual(["pillar"]);
    expect(closest("zzzzzz", ["pillar", "help"])).toEqual([]);
  });
});
