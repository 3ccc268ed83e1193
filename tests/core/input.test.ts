import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_INPUT_LENGTH, sanitizeText, shorten, splitWords } from "../../src/core/input.js";

describe("user text", () => {
  it("removes control, bidi and zero-width characters and folds whitespace", () => {
    expect(sanitizeText("  JEF\u0000\u202E\u200B  binding\t\n? ")).toBe("JEF binding ?");
  });

  it("normalises compatibility characters (NFKC)", () => {
    expect(sanitizeText("ＪＥＦ")).toBe("JEF");
  });

  it("is always bounded, whatever arrives", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20_000 }), (text) => {
        expect(sanitizeText(text).length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
      }),
      { numRuns: 200 },
    );
  });

  it("shortens at a word boundary and marks the cut", () => {
    expect(shorten("memorandum of understanding", 15)).toBe("memorandum of…");
    expect(shorten("short", 15)).toBe("short");
  });

  it("splits words honouring quotes", () => {
    expect(splitWords(`search "why not the JEF" --page 2`)).toEqual([
      "search",
      "why not the JEF",
      "--page",
      "2",
    ]);
  });
});
