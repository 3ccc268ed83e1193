/**
 * The plain-text copy of an answer (`Answer.copyText`) in Discord: a code block in an embed of its
 * own that nothing can break out of, or a `.txt` file when it does not fit one or would cost the
 * reply its quotes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenceSafe } from "../../../src/adapters/discord/escape.js";
import type { DiscordMessage } from "../../../src/adapters/discord/message.js";
import { MAX_MESSAGES, renderAnswer } from "../../../src/adapters/discord/render.js";
import { type Answer, answer, type Excerpt } from "../../../src/core/answer.js";
import { drillPool } from "../../../src/core/debate/drill.js";
import { COPY_TITLE } from "../../../src/core/words.js";
import { SAMPLE_DOC, sampleSource } from "../../fixtures/answers.js";
import { shippedCore } from "../../helpers/corpus.js";
import { revealDrill, run } from "../../helpers/run.js";
import { LIVE_MENTION, limitProblems, visibleTexts } from "./limits-check.js";

const core = shippedCore();
const ZWSP = /\u200b/g;

function excerpt(quote: string, paragraph = 13): Excerpt {
  return {
    quote,
    source: sampleSource(paragraph),
  };
}

function withCopy(copyText: string, excerpts: readonly Excerpt[] = []): Answer {
  return answer("card", "Card: a test", { excerpts, sources: [SAMPLE_DOC], copyText });
}

function copyEmbeds(messages: readonly DiscordMessage[]) {
  return messages.flatMap((m) => m.embeds).filter((e) => e.title === COPY_TITLE);
}

/** The text between the fences of a copy embed, as a reader sees and copies it. */
function fenced(description: string): string {
  expect(description.startsWith("```\n")).toBe(true);
  expect(description.endsWith("\n```")).toBe(true);
  const inner = description.slice(4, -4);
  expect(inner).not.toContain("```");
  return inner;
}

describe("the copy text of real answers", () => {
  it("/card memorandum of understanding: a code block holding exactly the copy text, after the quotes and before the source", async () => {
    const card = await run("card", { query: "memorandum of understanding" });
    const copy = card.copyText ?? "";
    expect(copy).toContain("CITE: Anisova, ELN, 6 Dec 2023, ¶13");
    const { messages } = renderAnswer(card, { ephemeral: false });
    expect(messages).toHaveLength(1);
    const embeds = messages[0].embeds;
    const [block] = copyEmbeds(messages);
    expect(block?.description).toBe(`\`\`\`\n${copy}\n\`\`\``);
    expect(fenceSafe(copy)).toBe(copy);
    const at = embeds.indexOf(block as (typeof embeds)[number]);
    expect(embeds[at - 1]?.fields?.length).toBeGreaterThan(0);
    expect(embeds[at + 1]?.title).toBe("Source");
    expect(messages[0].files).toEqual([]);
    expect(limitProblems(messages[0])).toEqual([]);
  });

  it("/brief against coalition: a copy too long for one code block goes as brief.txt, byte for byte", async () => {
    const brief = await run("brief", { side: "against", motion: "coalition" });
    expect((brief.copyText ?? "").length).toBeGreaterThan(4096);
    const { messages } = renderAnswer(brief, { ephemeral: false });
    expect(copyEmbeds(messages)).toEqual([]);
    const file = messages[0].files.find((f) => f.filename === "brief.txt");
    expect(file?.contentType).toBe("text/plain; charset=utf-8");
    expect(file?.description).toBe(COPY_TITLE);
    expect(new TextDecoder().decode(file?.data)).toBe(brief.copyText);
    expect(messages[0].embeds[0]?.description).toContain(
      `*Attached: brief.txt — our description:* ${COPY_TITLE}`,
    );
    for (const message of messages) expect(limitProblems(message)).toEqual([]);
  });

  it("every drill reveal shows its cards' copy in full, in a code block or a file", async () => {
    const answered = drillPool(core.corpus, undefined).objections;
    expect(answered.length).toBeGreaterThan(3);
    for (const { node } of answered) {
      const revealed = await revealDrill(node.id);
      expect(revealed.title).toBe("Drill, round 1: the author's answer");
      const { messages } = renderAnswer(revealed, { ephemeral: false });
      const [block] = copyEmbeds(messages);
      const file = messages[0].files.find((f) => f.filename === "drill.txt");
      expect(block ? fenced(block.description ?? "") : new TextDecoder().decode(file?.data)).toBe(
        revealed.copyText,
      );
      for (const message of messages) expect(limitProblems(message)).toEqual([]);
    }
  });

  it("an answer without copy text gets neither an embed nor a file", async () => {
    const { messages } = renderAnswer(await run("why-not-jef", {}), { ephemeral: false });
    expect(copyEmbeds(messages)).toEqual([]);
    expect(messages.flatMap((m) => m.files)).toEqual([]);
  });
});

describe("escaping inside the code block", () => {
  it("a fence in the text cannot close the block, and no mention can form", () => {
    const hostile = "TAG: ```\n**not bold** @everyone <@123> `` ` ````js";
    const { messages } = renderAnswer(withCopy(hostile), { ephemeral: false });
    const description = copyEmbeds(messages)[0]?.description ?? "";
    expect(description.match(/```/g)).toHaveLength(2);
    expect(fenced(description).replace(ZWSP, "")).toBe(hostile);
    for (const text of visibleTexts(messages[0])) expect(text).not.toMatch(LIVE_MENTION);
    // Markdown inside a code block shows as written: nothing else is escaped.
    expect(description).toContain("**not bold**");
  });

  it("control characters are dropped; tabs and line breaks kept", () => {
    expect(fenceSafe("a\u0000b\u0007\tc\nd")).toBe("ab\tc\nd");
  });
});

describe("where the copy goes", () => {
  it("a copy one character too long for an embed description becomes a file", () => {
    const room = 4096 - "```\n\n```".length;
    const fits = renderAnswer(withCopy("x".repeat(room)), { ephemeral: false }).messages;
    expect(copyEmbeds(fits)[0]?.description).toHaveLength(4096);
    expect(fits[0].files).toEqual([]);
    const over = renderAnswer(withCopy("x".repeat(room + 1)), { ephemeral: false }).messages;
    expect(copyEmbeds(over)).toEqual([]);
    expect(over[0].files.map((f) => f.filename)).toEqual(["card.txt"]);
  });

  it("never costs the reply a quote: when the copy would push quotes out, it goes as a file", () => {
    const copy = "C".repeat(4000);
    let filed = 0;
    for (let n = 18; n <= 28; n++) {
      const quotes = Array.from({ length: n }, (_, i) =>
        excerpt(`Quote ${i}: ${"word ".repeat(190)}`),
      );
      const bare = renderAnswer(
        answer("card", "Many quotes", { excerpts: quotes, sources: [SAMPLE_DOC] }),
        {
          ephemeral: false,
        },
      ).messages;
      const shown = renderAnswer(withCopy(copy, quotes), { ephemeral: false }).messages;
      const allShownBare = !bare.some((m) => m.content?.includes("not shown"));
      if (allShownBare) expect(shown.some((m) => m.content?.includes("not shown"))).toBe(false);
      const inEmbed = copyEmbeds(shown).length;
      const asFile = shown[0].files.filter((f) => f.filename === "card.txt").length;
      expect(inEmbed + asFile).toBe(1);
      if (allShownBare && asFile === 1) filed++;
      expect(shown.length).toBeLessThanOrEqual(MAX_MESSAGES);
      for (const message of shown) expect(limitProblems(message)).toEqual([]);
    }
    // The fallback was exercised: some replies had room for every quote but not for the copy too.
    expect(filed).toBeGreaterThan(0);
  });

  it("whatever the text: one block that gives it back, or one file that holds it exactly; always within limits", () => {
    const text = fc
      .array(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 40 }),
          fc.constantFrom("```", "`", "``", "\n", "@everyone", "<@123>", "**", "\\", "||"),
        ),
        { maxLength: 200 },
      )
      .map((parts) => parts.join(""))
      .filter(
        (t) =>
          t.trim() !== "" && !t.includes("\u200b") && !/\p{Cc}/u.test(t.replace(/[\n\t\r]/g, "")),
      );
    fc.assert(
      fc.property(text, fc.boolean(), (copy, long) => {
        const full = long ? copy.repeat(Math.ceil(5000 / copy.length)) : copy;
        const { messages } = renderAnswer(withCopy(full), { ephemeral: false });
        for (const message of messages) {
          expect(limitProblems(message)).toEqual([]);
          for (const t of visibleTexts(message)) expect(t).not.toMatch(LIVE_MENTION);
        }
        const blocks = copyEmbeds(messages);
        const files = messages.flatMap((m) => m.files);
        expect(blocks.length + files.length).toBe(1);
        if (blocks[0]) expect(fenced(blocks[0].description ?? "").replace(ZWSP, "")).toBe(full);
        else expect(new TextDecoder().decode(files[0]?.data)).toBe(full);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});
