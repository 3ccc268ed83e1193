/**
 * The plain-text copy of an answer (`Answer.copyText`) in Slack: preformatted sections, escaped
 * and unbreakable, split within Slack's limits — or a `.txt` file (uploaded by deliver.ts) when it
 * is too long for a few blocks or would cost the reply its quotes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SLACK_LIMITS, type SlackMessage } from "../../../src/adapters/slack/blocks.js";
import { COPY_INLINE_BLOCKS } from "../../../src/adapters/slack/copy-text.js";
import { fenceSafe } from "../../../src/adapters/slack/escape.js";
import { renderAnswer } from "../../../src/adapters/slack/render.js";
import { type Answer, answer, type Excerpt } from "../../../src/core/answer.js";
import { drillPool } from "../../../src/core/debate/drill.js";
import { COPY_TITLE } from "../../../src/core/words.js";
import type { SlackResponseBody } from "../../fakes/slack/server.js";
import { SAMPLE_DOC } from "../../fixtures/answers.js";
import { shippedCore } from "../../helpers/corpus.js";
import { revealDrill, run } from "../../helpers/run.js";
import {
  expectNoSlackMarkupFromText,
  expectWithinSlackLimits,
  unescapeForDisplay,
} from "./helpers.js";

const core = shippedCore();
const ZWSP = /\u200b/g;
const HEADING = `*${COPY_TITLE}*`;

function excerpt(quote: string): Excerpt {
  return {
    quote,
    source: {
      documentId: "doc",
      sectionId: "s1",
      section: "Coalition of the willing",
      sectionEditorial: false,
      paragraph: 13,
      url: SAMPLE_DOC.url,
    },
  };
}

function withCopy(copyText: string, excerpts: readonly Excerpt[] = []): Answer {
  return answer("card", "Card: a test", { excerpts, sources: [SAMPLE_DOC], copyText });
}

/** The copy's sections, in order, across all pages. */
function copySections(messages: readonly SlackMessage[]): string[] {
  return messages
    .flatMap((m) => m.blocks)
    .flatMap((b) => (b.type === "section" && b.text.text.startsWith(HEADING) ? [b.text.text] : []));
}

/** The preformatted text of a copy section, as Slack shows it (escapes undone, invisible spaces gone). */
function preformatted(section: string): string {
  const open = section.indexOf("\n```\n");
  const close = section.lastIndexOf("\n```");
  expect(open).toBeGreaterThan(0);
  expect(close).toBeGreaterThan(open);
  const inner = section.slice(open + 5, close);
  expect(inner).not.toContain("```");
  return unescapeForDisplay(inner.replace(ZWSP, ""));
}

const asBody = (m: SlackMessage) => m as unknown as SlackResponseBody;
const squash = (t: string) => t.replace(/\s+/g, " ").trim();

describe("the copy text of real answers", () => {
  it("/card memorandum of understanding: one preformatted section holding the copy text, escaped", async () => {
    const card = await run("card", { query: "memorandum of understanding" });
    const pages = renderAnswer(card, { isPublic: false }).messages();
    expect(pages).toHaveLength(1);
    const sections = copySections(pages);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toBe(`${HEADING}\n\`\`\`\n${fenceSafe(card.copyText ?? "")}\n\`\`\``);
    expect(preformatted(sections[0] ?? "")).toBe(card.copyText);
    expect(copyFile(card, false)).toBeUndefined();
    expectWithinSlackLimits(asBody(pages[0] as SlackMessage));
    // After the last quote's citation, before the buttons.
    const blocks = pages[0]?.blocks ?? [];
    const at = blocks.findIndex((b) => b.type === "section" && b.text.text.startsWith(HEADING));
    const lastCite = blocks.findLastIndex(
      (b) => b.type === "context" && (b.elements[0]?.text ?? "").startsWith("— "),
    );
    expect(at).toBe(lastCite + 1);
    expect(blocks.slice(at + 1).some((b) => b.type === "actions")).toBe(true);
  });

  it("/brief against coalition: a copy too long for two blocks goes as brief.txt, byte for byte, and not in the reply", async () => {
    const brief = await run("brief", { side: "against", motion: "coalition" });
    const file = copyFile(brief, false);
    expect(file).toMatchObject({
      filename: "brief.txt",
      contentType: "text/plain; charset=utf-8",
      description: COPY_TITLE,
    });
    expect(new TextDecoder().decode(file?.data)).toBe(brief.copyText);
    const pages = renderAnswer(brief, { isPublic: false }).messages();
    expect(copySections(pages)).toEqual([]);
    for (const page of pages) expectWithinSlackLimits(asBody(page));
  });

  it("every drill reveal shows its cards' copy in full: blocks that, joined by line breaks, give it back", async () => {
    const answered = drillPool(core.corpus, undefined).objections;
    expect(answered.length).toBeGreaterThan(3);
    let split = 0;
    for (const { node } of answered) {
      const revealed = await revealDrill(node.id);
      expect(revealed.title).toBe("Drill, round 1: the author's answer");
      const pages = renderAnswer(revealed, { isPublic: false }).messages();
      const sections = copySections(pages);
      if (sections.length > 1) split++;
      if (sections.length === 0)
        expect(new TextDecoder().decode(copyFile(revealed, false)?.data)).toBe(revealed.copyText);
      else expect(sections.map(preformatted).join("\n")).toBe(revealed.copyText);
      for (const page of pages) expectWithinSlackLimits(asBody(page));
    }
    expect(split).toBeGreaterThan(0);
  });

  it("an answer without copy text gets neither blocks nor a file", async () => {
    const jef = await run("why-not-jef", {});
    expect(copySections(renderAnswer(jef, { isPublic: false }).messages())).toEqual([]);
    expect(copyFile(jef, false)).toBeUndefined();
  });
});

describe("escaping inside the preformatted block", () => {
  it("escapes & < >, and a fence in the text cannot close the block", () => {
    const hostile = "TAG: ``` <!channel> & <@U123> <https://evil.example|x> `` ` ```*bold*";
    const pages = renderAnswer(withCopy(hostile), { isPublic: true }).messages();
    const [section] = copySections(pages);
    expect(section?.match(/```/g)).toHaveLength(2);
    expect(section).toContain("&lt;!channel&gt; &amp; &lt;@U123&gt;");
    expect(preformatted(section ?? "")).toBe(hostile);
    expectNoSlackMarkupFromText(asBody(pages[0] as SlackMessage));
  });
});

describe("where the copy goes", () => {
  it("splits a copy longer than one section between lines, into marked blocks within the limit that give the text back", () => {
    const copy = Array.from(
      { length: 60 },
      (_, i) => `Line ${i}: ${"words & <more> ".repeat(3)}`,
    ).join("\n");
    const pages = renderAnswer(withCopy(copy), { isPublic: false }).messages();
    const sections = copySections(pages);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/\n_\(continues in the next block\)_$/);
    expect(sections[1]?.startsWith(`${HEADING} _(continued)_\n`)).toBe(true);
    for (const section of sections)
      expect(section.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(sections.map(preformatted).join("\n")).toBe(copy);
    expect(copyFile(withCopy(copy), false)).toBeUndefined();
  });

  it("cuts a single line longer than a block at whitespace, losing only the whitespace at the cut", () => {
    const copy = `TAG: a line\n${"verbatim & <words> ".repeat(150)}`;
    const sections = copySections(renderAnswer(withCopy(copy), { isPublic: false }).messages());
    expect(sections).toHaveLength(2);
    expect(preformatted(sections[0] ?? "").startsWith("TAG: a line\nverbatim & <words>")).toBe(
      true,
    );
    for (const section of sections)
      expect(section.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(squash(sections.map(preformatted).join(" "))).toBe(squash(copy));
  });

  it(`a copy needing more than ${COPY_INLINE_BLOCKS} blocks becomes a file`, () => {
    const copy = "word ".repeat(1800);
    const long = withCopy(copy);
    expect(copySections(renderAnswer(long, { isPublic: false }).messages())).toEqual([]);
    expect(new TextDecoder().decode(copyFile(long, false)?.data)).toBe(copy);
  });

  it("never costs the reply a quote: when the copy would push quotes out, it goes as a file", () => {
    const copy = "copy ".repeat(1000);
    let filed = 0;
    for (let n = 4; n <= 24; n += 2) {
      const quotes = Array.from({ length: n }, (_, i) =>
        excerpt(`Quote ${i}: ${"word ".repeat(500)}`),
      );
      const bare = renderAnswer(
        answer("card", "Many", { excerpts: quotes, sources: [SAMPLE_DOC] }),
        {
          isPublic: false,
        },
      ).messages();
      const full = withCopy(copy, quotes);
      const pages = renderAnswer(full, { isPublic: false }).messages();
      const omitted = (ms: readonly SlackMessage[]) =>
        ms.some((m) =>
          m.blocks.some((b) => b.type === "section" && b.text.text.startsWith("_Not shown")),
        );
      if (!omitted(bare)) expect(omitted(pages)).toBe(false);
      const inline = copySections(pages).length > 0;
      const file = copyFile(full, false);
      expect(inline !== (file !== undefined)).toBe(true);
      if (!omitted(bare) && file) filed++;
      for (const page of pages) expectWithinSlackLimits(asBody(page));
    }
    expect(filed).toBeGreaterThan(0);
  });

  it("whatever the text: blocks that give it back, or a file that holds it exactly; always within limits", () => {
    const text = fc
      .array(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 40 }),
          fc.constantFrom("```", "`", "``", "\n", "<!channel>", "<@U1>", "&amp;", "&", "*", "_"),
        ),
        { minLength: 1, maxLength: 200 },
      )
      .map((parts) => parts.join(""))
      .filter((t) => t.trim() !== "" && !t.includes("\u200b"));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (copy, times) => {
        const full = copy.repeat(times);
        const rendered = withCopy(full);
        const pages = renderAnswer(rendered, { isPublic: false }).messages();
        for (const page of pages) {
          expectWithinSlackLimits(asBody(page));
          expectNoSlackMarkupFromText(asBody(page));
        }
        const sections = copySections(pages);
        const file = copyFile(rendered, false);
        expect(sections.length > 0 !== (file !== undefined)).toBe(true);
        if (file) expect(new TextDecoder().decode(file.data)).toBe(full);
        else expect(squash(sections.map(preformatted).join(" "))).toBe(squash(full));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});

/** The copy text's file, when the renderer sends the copy as a file rather than in the reply. */
function copyFile(a: Answer, isPublic: boolean) {
  return renderAnswer(a, { isPublic }).files.find((f) => f.description === COPY_TITLE);
}
