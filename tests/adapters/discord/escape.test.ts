import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeMarkdown,
  escapeText,
  fitEscaped,
  linkTarget,
  neutralizeMentions,
  plainText,
  shortenAtWord,
} from "../../../src/adapters/discord/escape.js";
import { unrender } from "./helpers.js";

const ZWSP = "\u200b";

describe("neutralizeMentions", () => {
  it.each([
    ["@everyone", `@${ZWSP}everyone`],
    ["@here and @HERE", `@${ZWSP}here and @${ZWSP}HERE`],
    ["<@123>", `<${ZWSP}@123>`],
    ["<@!123>", `<${ZWSP}@!123>`],
    ["<@&456>", `<${ZWSP}@&456>`],
    ["<#789>", `<${ZWSP}#789>`],
    ["</pillar:1>", `<${ZWSP}/pillar:1>`],
    [
      "<:emoji:1> <a:anim:2> <t:1700000000:R>",
      `<${ZWSP}:emoji:1> <${ZWSP}a:anim:2> <${ZWSP}t:1700000000:R>`,
    ],
    ["a < b and email@example.org", "a < b and email@example.org"],
  ])("%s", (input, expected) => {
    expect(neutralizeMentions(input)).toBe(expected);
  });
});

describe("escapeMarkdown", () => {
  it.each([
    [
      "*bold* _it_ ~~strike~~ `code` ||spoiler||",
      "\\*bold\\* \\_it\\_ \\~\\~strike\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|",
    ],
    ["[masked](https://evil.example)", "\\[masked\\](https://evil.example)"],
    ["back\\slash", "back\\\\slash"],
    ["# heading", "\\# heading"],
    ["> quote", "\\> quote"],
    ["- item", "\\- item"],
    ["1. first", "1\\. first"],
    ["line\n## heading\n-# small", "line\n\\## heading\n\\-# small"],
    ["re-orient, not a list; 2023. Fine", "re-orient, not a list; 2023. Fine"],
  ])("%j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("leaves a line start alone when the text does not start a line", () => {
    expect(escapeMarkdown("# not a heading here", false)).toBe("# not a heading here");
  });

  it("drops control characters", () => {
    expect(escapeMarkdown("a\u0000b\u0007c")).toBe("abc");
  });
});

describe("escapeText", () => {
  it("reads back as written", () => {
    const hostile = "@everyone <@123> **not bold** `x` [link](u) > quote";
    expect(unrender(escapeText(hostile))).toBe(hostile);
    expect(escapeText(hostile)).not.toContain("@everyone");
    expect(escapeText(hostile)).not.toContain("<@123>");
  });
});

describe("plainText", () => {
  it("folds whitespace and breaks mentions, without markdown escapes", () => {
    expect(plainText("  Pillar:\n g7 *x* @everyone ")).toBe(`Pillar: g7 *x* @${ZWSP}everyone`);
  });
});

describe("linkTarget", () => {
  it.each([
    ["https://example.org/a_b(c)", "https://example.org/a_b%28c%29"],
    ["http://127.0.0.1:3000/x", "http://127.0.0.1:3000/x"],
    ["javascript:alert(1)", undefined],
    ["https://example.org/with space", undefined],
    [`https://example.org/${"a".repeat(600)}`, undefined],
  ])("%s", (input, expected) => {
    expect(linkTarget(input)).toBe(expected);
  });
});

describe("fitEscaped and shortenAtWord", () => {
  it("keeps text that fits", () => {
    expect(fitEscaped("Pillar: g7", 256)).toBe("Pillar: g7");
  });

  it("shortens at a word boundary and marks the cut", () => {
    const fitted = fitEscaped("word ".repeat(100), 50);
    expect(fitted.length).toBeLessThanOrEqual(50);
    expect(fitted.endsWith("word…")).toBe(true);
  });

  it("counts the escapes it adds", () => {
    const fitted = fitEscaped("*".repeat(100), 50);
    expect(fitted.length).toBeLessThanOrEqual(50);
    expect(fitted.endsWith("…")).toBe(true);
  });

  it("never leaves half a surrogate pair", () => {
    const cut = shortenAtWord("😀".repeat(10), 6);
    expect(cut).toBe("😀😀…");
  });
});

describe("escaping's fast paths", () => {
  /** The escapers as first written: every replacement applied, line by line; the definition. */
  const byEveryReplacement = (text: string, atLineStart: boolean) =>
    text
      .replace(/(?![\t\n\r])\p{Cc}/gu, "")
      .replace(/[\\*_~`|[\]]/g, "\\$&")
      .split("\n")
      .map((line, index) => {
        if (index === 0 && !atLineStart) return line;
        const match = /^([ \t]*)(#|>|-|\+|\d+(?=\.))/.exec(line);
        if (!match) return line;
        const [whole, indent = "", marker = ""] = match;
        return /^\d/.test(marker)
          ? `${indent}${marker}\\${line.slice(whole.length)}`
          : `${indent}\\${marker}${line.slice(whole.length)}`;
      })
      .join("\n")
      .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
      .replace(/<(?=[@#/:]|a:|t:)/gi, `<${ZWSP}`);

  it("property: escapeText gives what applying every replacement gives", () => {
    const piece = fc.constantFrom(
      ..."ab *_~`|[]\\#>-+1.2\n\r\t \u0000\u0007\u0085\u2028@<:/&!".split(""),
      "@everyone",
      "@HeRe",
      "<@1>",
      "<a:x:1>",
      "<t:1>",
      "\n  12.",
      "\n\t# ",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join("")),
        fc.boolean(),
        (text, atLineStart) => {
          expect(escapeText(text, atLineStart)).toBe(byEveryReplacement(text, atLineStart));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
