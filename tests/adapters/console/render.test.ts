import { describe, expect, it } from "vitest";
import { escapeTerminal, renderTerminal, wrap } from "../../../src/adapters/console/render.js";
import { answer } from "../../../src/core/answer.js";

const source = {
  documentId: "doc",
  sectionId: "s",
  section: "Section",
  sectionEditorial: false,
  paragraph: 3,
  url: "https://example.org/x",
};
const highlighted = answer("card", "Card", {
  excerpts: [
    {
      quote: "One sentence here. The key sentence is this one. Last.",
      source,
      highlights: ["The key sentence is this one."],
    },
  ],
  sources: [
    {
      id: "doc",
      title: "T",
      author: "A",
      publisher: "P",
      date: "2024-01-02",
      url: "https://example.org/x",
      shortCite: "A, P, 2 Jan 2024",
    },
  ],
});

describe("the terminal renderer", () => {
  it("bolds highlighted sentences on a colour terminal, and keeps plain text exactly the source's", () => {
    const colour = renderTerminal(highlighted, { color: true, width: 100 });
    expect(colour).toContain("\u001b[1mkey\u001b[0m");
    const plain = renderTerminal(highlighted, { color: false, width: 100 });
    expect(plain).toContain("“One sentence here. The key sentence is this one. Last.”");
    expect(plain).toContain("— A, P, 2 Jan 2024, ¶3 · Section");
  });

  it("wraps by what the terminal shows, not by colour codes", () => {
    const lines = renderTerminal(highlighted, { color: true, width: 40 }).split("\n");
    const quoteLines = lines.filter((line) => line.includes("│"));
    expect(quoteLines.length).toBeGreaterThan(1);
    for (const line of quoteLines)
      expect(line.replace(/\p{Cc}\[[0-9;]*m/gu, "").length).toBeLessThanOrEqual(40);
    expect(wrap("aa bb cc dd", 8, "", "")).toEqual(["aa bb cc", "dd"]);
  });

  it("breaks words at every kind of space a regular expression's \\s knows, and keeps the rest", () => {
    const text = "one\ttwo\nthree\u00a0four\u2003five\u3000six\ufeffseven  \u200beight";
    const words = text.split(/\s+/).filter(Boolean);
    expect(wrap(text, 200, "", "")).toEqual([words.join(" ")]);
    expect(wrap(text, 5, "", "")).toEqual(words);
    expect(wrap("  ", 10, "> ", "  ")).toEqual(["> "]);
  });

  it("removes escape sequences and control characters", () => {
    expect(escapeTerminal("a\u001b[2Jb\u0007c\u009bd")).toBe("abcd");
  });
});
