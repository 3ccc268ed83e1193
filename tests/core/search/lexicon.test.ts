import { describe, expect, it } from "vitest";
import { Lexicon } from "../../../src/core/search/lexicon.js";

const lexicon = Lexicon.of([
  "A coalition of the willing could deter a renewed attack; the clash of interests may delay ratification.",
  "Deliveries at scale, and the supplied systems, need sustainment.",
]);

describe("Lexicon#correct: typos of the readings' words, and only typos", () => {
  it("takes an unknown misspelling for the closest known word", () => {
    expect(lexicon.correct("coalitoin")).toEqual({ from: "coalitoin", to: "coalition" });
    expect(lexicon.correct("ratificaton")).toEqual({ from: "ratificaton", to: "ratification" });
  });

  it("leaves known words, short words and words with digits alone", () => {
    expect(lexicon.correct("coalition")).toBeUndefined();
    expect(lexicon.correct("coalitions")).toBeUndefined();
    expect(lexicon.correct("clsh")).toBeUndefined();
    expect(lexicon.correct("c0alition")).toBeUndefined();
  });

  it("never turns a common English word the readings do not use into one they do", () => {
    // One edit from "clash", "scale" and "supplied", but words in their own right.
    expect(lexicon.correct("class")).toBeUndefined();
    expect(lexicon.correct("scare")).toBeUndefined();
    expect(lexicon.correct("supposed")).toBeUndefined();
  });

  it("reads a typo of a stop word as that word, not as a word of the readings", () => {
    const withActor = Lexicon.of(["The actor and the deterrent."]);
    // "autor" is one edit from "actor" and from "author", a word questions are wrapped in.
    expect(withActor.correct("autor")).toBeUndefined();
    expect(withActor.correct("actr")).toBeUndefined(); // too short to be a typo
    expect(withActor.correct("deterent")).toEqual({ from: "deterent", to: "deterrent" });
  });
});
