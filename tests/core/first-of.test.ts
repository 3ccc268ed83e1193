import { describe, expect, it } from "vitest";
import { firstOf } from "../../src/core/first-of.js";

describe("firstOf", () => {
  it("keeps the first items and says how many there are and where the rest are", () => {
    expect(firstOf([1, 2, 3, 4, 5], 3, "claims", "/claim shows any one of them")).toEqual({
      shown: [1, 2, 3],
      notes: ["Showing 3 of 5 claims; /claim shows any one of them."],
    });
  });

  it("adds no note when nothing is left out", () => {
    expect(firstOf([1, 2], 3, "claims", "/claim shows any one of them")).toEqual({
      shown: [1, 2],
      notes: [],
    });
  });
});
