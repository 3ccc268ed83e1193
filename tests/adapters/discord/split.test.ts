import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText } from "../../../src/adapters/discord/escape.js";
import { isSpace, MIN_PIECE, renderInPieces } from "../../../src/adapters/discord/split.js";
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

  it("property: counting a word's rendered length gives the pieces that rendering every word gives", () => {
    const alphabet = fc.constantFrom(
      ..."ab c*_~`|[]\\<@#>-+1.\n\t\u0000\u0085\u00a0😀é".split(""),
      "@everyone",
      "<@123>",
      "\n# ",
      "  ",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 300 }).map((parts) => parts.join("")),
        fc.integer({ min: MIN_PIECE, max: 200 }),
        fc.array(fc.constantFrom("a", "b c", "*", "@every", "1.", "é"), { maxLength: 3 }),
        (text, budget, highlights) => {
          const expected = piecesByRenderingEveryWord(text, budget, highlights);
          fc.pre(expected !== undefined);
          expect(renderInPieces(text, budget, highlights)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("isSpace", () => {
  it("agrees with the regular expressions' \\s on every UTF-16 code unit", () => {
    for (let code = 0; code <= 0xffff; code++)
      expect(isSpace(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
  });
});

/**
 * The splitter as it was first written, kept as the definition the fast one must match: every
 * word rendered to learn its length, words found with a regular expression. Undefined when a
 * word alone exceeds the budget (those are cut by the same code in both).
 */
function piecesByRenderingEveryWord(
  text: string,
  budget: number,
  highlights: readonly string[],
): string[] | undefined {
  const bold = new Uint8Array(text.length);
  for (const h of highlights)
    for (let at = text.indexOf(h); at !== -1; at = text.indexOf(h, at + h.length))
      bold.fill(1, at, at + h.length);
  for (const m of text.matchAll(/\s+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    bold.fill(start > 0 && bold[start - 1] === 1 && bold[end] === 1 ? 1 : 0, start, end);
  }
  const render = (start: number, end: number) => {
    let out = "";
    let runStart = start;
    for (let i = start + 1; i <= end; i++)
      if (i === end || bold[i] !== bold[runStart]) {
        const escaped = escapeText(text.slice(runStart, i), false);
        out += bold[runStart] ? `**${escaped}**` : escaped;
        runStart = i;
      }
    return out;
  };
  const spans: [number, number][] = [];
  let span: [number, number] | undefined;
  let cost = 0;
  for (const m of text.matchAll(/(\s*)(\S+)/g)) {
    const separator = m[1] ?? "";
    const start = m.index + separator.length;
    const end = start + (m[2]?.length ?? 0);
    const word = render(start, end).length + (separator.includes("\n") ? 1 : 0);
    if (word > budget) return undefined;
    if (span && cost + separator.length + word <= budget) {
      span[1] = end;
      cost += separator.length + word;
    } else {
      if (span) spans.push(span);
      span = [start, end];
      cost = word;
    }
  }
  if (span) spans.push(span);
  return spans.map(([start, end]) => render(start, end));
}
