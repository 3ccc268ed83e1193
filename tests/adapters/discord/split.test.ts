import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_PIECE, renderInPieces } from "../../../src/adapters/discord/split.js";
import { unrender } from "./helpers.js";

const noSpace = (text: string) => text.replace(/\s+/g, "");

describe("renderInPieces", () => {
  it("keeps text that fits in one piece", () => {
    expect(renderInPieces("The coalition of the willing.", 100)).toEqual([
      "The coalition of the willing.",
    ]);
  });

  it("cuts between words", () => {
    const pieces = renderInPieces("one two three four five six", 16);
    expect(pieces).toEqual(["one two three", "four five six"]);
  });

  it("bolds highlights, merging bold across the spaces inside them", () => {
    expect(
      renderInPieces("Before. The key sentence here. After.", 100, ["The key sentence here."]),
    ).toEqual(["Before. **The key sentence here.** After."]);
  });

  it("bolds a highlight that is part of a word", () => {
    expect(renderInPieces("the JEF’s reformation", 100, ["JEF"])).toEqual([
      "the **JEF**’s reformation",
    ]);
  });

  it("escapes markdown and mentions inside pieces", () => {
    expect(renderInPieces("a *b* @everyone <@1>", 100)).toEqual([
      "a \\*b\\* @\u200beveryone <\u200b@1>",
    ]);
  });

  it("cuts a word longer than a piece where it must, keeping every character", () => {
    const word = "x".repeat(100);
    const pieces = renderInPieces(word, 20);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 20)).toBe(true);
    expect(pieces.join("")).toBe(word);
  });

  it("refuses a budget too small for any character", () => {
    expect(() => renderInPieces("text", MIN_PIECE - 1)).toThrow(RangeError);
  });

  it("property: pieces fit, and together they give back every character", () => {
    const alphabet = fc.constantFrom(
      ..."ab c*_~`|[]\\<@#>-1.\n😀é".split(""),
      "@everyone",
      "<@123>",
      "  ",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 400 }).map((parts) => parts.join("")),
        fc.integer({ min: MIN_PIECE, max: 300 }),
        fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 }),
        (text, budget, highlights) => {
          const pieces = renderInPieces(text, budget, highlights);
          for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(budget);
          expect(noSpace(pieces.map(unrender).join(""))).toBe(noSpace(text));
          for (const piece of pieces) {
            expect(piece).not.toMatch(/@everyone|<@\d/);
            // Bold markers come in pairs inside each piece.
            expect((piece.replace(/\\./g, "").match(/\*\*/g) ?? []).length % 2).toBe(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
