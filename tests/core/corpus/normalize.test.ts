import { describe, expect, it } from "vitest";
import {
  findVerbatim,
  normalizeForComparison,
  occursVerbatim,
} from "../../../src/core/corpus/normalize.js";

describe("fidelity comparison", () => {
  it.each([
    ["typographic apostrophes", "Ukraine’s needs", "Ukraine's needs"],
    ["typographic quotes", "“European Israel”", '"European Israel"'],
    ["dashes", "two levels – a treaty", "two levels - a treaty"],
    ["runs of whitespace and non-breaking spaces", "level,\u00a0 several", "level, several"],
  ])("forgives %s", (_case, source, typed) => {
    expect(normalizeForComparison(source)).toBe(normalizeForComparison(typed));
    expect(occursVerbatim(typed, `Before ${source} after`)).toBe(true);
  });

  it("does not forgive a changed word, a changed letter case or an empty quote", () => {
    expect(occursVerbatim("the only truly reliable option", "the only fully reliable option")).toBe(
      false,
    );
    expect(occursVerbatim("The Only", "the only")).toBe(false);
    expect(occursVerbatim("   ", "anything")).toBe(false);
  });

  it("recovers the source's exact characters for a quote typed with straight quotes", () => {
    const source = "a so-called “European Israel” scenario, is unacceptable";
    expect(findVerbatim('so-called "European Israel" scenario', source)).toBe(
      "so-called “European Israel” scenario",
    );
    expect(findVerbatim("not there", source)).toBeUndefined();
  });
});
