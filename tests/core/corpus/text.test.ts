import { describe, expect, it } from "vitest";
import { parseText } from "../../../src/core/corpus/text.js";

describe("parsing a reading's text.md", () => {
  it("numbers paragraphs across sections in reading order and skips editor comments", () => {
    const { text, problems } = parseText(
      "<!-- note\nfor editors -->\n## One {#one .editorial}\n\nFirst.\n\nSecond.\n\n## Two {#two}\n\nThird.\n",
      "t.md",
    );
    expect(problems).toEqual([]);
    expect(text.paragraphs.map((p) => [p.number, p.sectionId, p.text])).toEqual([
      [1, "one", "First."],
      [2, "one", "Second."],
      [3, "two", "Third."],
    ]);
    expect(text.sections.map((s) => [s.id, s.heading, s.editorial])).toEqual([
      ["one", "One", true],
      ["two", "Two", false],
    ]);
  });

  it.each([
    ["a heading without an id", "## Heading\n\nText.", "text-structure"],
    ["text before the first heading", "Text.\n\n## H {#h}\n\nMore.", "text-structure"],
    ["a section id used twice", "## A {#a}\n\nOne.\n\n## B {#a}\n\nTwo.", "duplicate-id"],
    ["no paragraphs at all", "## A {#a}\n", "text-structure"],
  ])("reports %s", (_case, source, code) => {
    expect(parseText(source, "t.md").problems.map((p) => p.code)).toContain(code);
  });
});
