import { describe, expect, it } from "vitest";
import { quotability, quotableLine, rankQuotableLines } from "../../../src/core/debate/quote.js";
import { splitSentences } from "../../../src/core/sentences.js";
import { SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";

const core = shippedCore();

describe("quotableLine", () => {
  it("picks the European Israel sentence for “European Israel”, cited to ¶10", () => {
    const line = quotableLine(core, "European Israel");
    expect(line?.text).toBe(
      "Solely arming Ukraine to ensure its ability to resist a potential renewed Russian attack, a so-called “European Israel” scenario, is unacceptable for Ukraine.",
    );
    expect(line?.source).toMatchObject({
      documentId: SHIPPED_DOC,
      paragraph: 10,
      sectionId: "coalition",
    });
  });

  it("prefers the publisher's pull quote on NATO membership", () => {
    expect(quotableLine(core, "NATO membership")?.text).toBe(
      "Security guarantees assured by Ukraine’s membership in NATO remain the only fully reliable option for Ukraine post-war.",
    );
  });

  it.each(["European Israel", "JEF", "coalition", "PESCO", "offensive weapons", "interim period"])(
    "offers only whole, verbatim sentences on “%s”",
    (topic) => {
      const lines = rankQuotableLines(core, topic);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const paragraph =
          core.corpus.paragraph(line.source.documentId, line.source.paragraph)?.text ?? "";
        expect(paragraph.slice(line.start, line.end)).toBe(line.text);
        expect(splitSentences(paragraph).map((s) => s.text)).toContain(line.text);
      }
    },
  );

  it("has no line on a topic the reading never mentions", () => {
    expect(quotableLine(core, "zzyzx qwertyuiop")).toBeUndefined();
  });
});

describe("quotability", () => {
  it("marks down a sentence that leans on the one before", () => {
    const alone = quotability(
      "A coalition can deter Russia in the immediate post-war period.",
      false,
    );
    const leaning = quotability(
      "However, a coalition can deter Russia in the immediate post-war period.",
      false,
    );
    expect(alone.score).toBeGreaterThan(leaning.score);
  });

  it("marks down fragments and very long sentences, and up pull quotes", () => {
    const base = "A coalition can deter Russia in the immediate post-war period.";
    expect(quotability("and potentially France.", false).score).toBeLessThan(
      quotability(base, false).score,
    );
    expect(quotability(`${base} `.repeat(6), false).score).toBeLessThan(
      quotability(base, false).score,
    );
    expect(quotability(base, true).score).toBeGreaterThan(quotability(base, false).score);
  });
});
