import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Block,
  blockSize,
  SLACK_LIMITS,
  type SlackMessage,
} from "../../../src/adapters/slack/blocks.js";
import { escapeSlack } from "../../../src/adapters/slack/escape.js";
import { renderAnswer } from "../../../src/adapters/slack/render.js";
import { type Answer, answer, type Excerpt } from "../../../src/core/answer.js";
import { SAMPLE_DOC, sampleSource } from "../../fixtures/answers.js";
import {
  expectNoSlackMarkupFromText,
  expectWithinSlackLimits,
  unescapeForDisplay,
} from "./helpers.js";

function excerpt(quote: string, extra: Partial<Excerpt> = {}): Excerpt {
  return { quote, source: sampleSource(13), ...extra };
}

function render(a: Answer, isPublic = false): SlackMessage[] {
  return renderAnswer(a, { isPublic }).messages();
}

function texts(message: SlackMessage): string[] {
  return message.blocks.flatMap((b: Block) => {
    if (b.type === "header" || b.type === "section") return [b.text.text];
    if (b.type === "context") return b.elements.map((e) => e.text);
    return b.elements.map((e) => e.text.text);
  });
}

const all = (messages: SlackMessage[]) => messages.flatMap(texts).join("\n");

describe("renderAnswer: content and marking", () => {
  it("escapes & < > in every piece of source and user text, so nothing becomes markup", () => {
    const hostile = "<!channel> & <@U123> <#C1> <https://evil.example|click> <script>";
    const [message] = render(
      answer("search", `Search: ${hostile}`, {
        notes: [hostile],
        excerpts: [
          excerpt(hostile, {
            label: hostile,
            group: hostile,
            source: sampleSource(1, { section: hostile }),
          }),
        ],
        suggestions: [`/search ${hostile}`],
        followUps: [{ label: hostile, command: "search", options: { query: hostile } }],
        sources: [{ ...SAMPLE_DOC, title: hostile, author: hostile }],
      }),
    );
    expect(message).toBeDefined();
    expectNoSlackMarkupFromText(message as SlackMessage);
    expect(all([message as SlackMessage])).toContain("&lt;!channel&gt; &amp; &lt;@U123&gt;");
  });

  it("marks our title, notes, labels and headings as ours and cites each quote with section, ¶ and link", () => {
    const [message] = render(
      answer("pillar", "Pillar: coalition", {
        notes: ["A note."],
        excerpts: [
          excerpt("The coalition will deter Russia.", {
            label: "Deterrence",
            group: "Main claims",
          }),
          excerpt("Second quote.", {
            source: sampleSource(2, { section: "Introduction", sectionEditorial: true }),
          }),
        ],
        sources: [SAMPLE_DOC],
      }),
    );
    const t = texts(message as SlackMessage);
    expect(t[0]).toBe("Pillar: coalition");
    expect(t[1]).toContain("Title, notes, labels and headings are ours");
    expect(t).toContain("*Editor's notes* _(our words, not the author's)_\n• A note.");
    expect(t).toContain("*Main claims* _(our heading)_");
    expect(t).toContain("*1. Deterrence* _(our label)_\n>“The coalition will deter Russia.”");
    expect(t).toContain(
      "— Anisova, ELN, 6 Dec 2023, ¶13 · Coalition of the willing · <https://example.org/no-need-to-wait|source, ¶13>",
    );
    expect(t).toContain(
      "— Anisova, ELN, 6 Dec 2023, ¶2 · Introduction _(section name ours)_ · <https://example.org/no-need-to-wait|source, ¶2>",
    );
    expect(message?.text).toContain(
      "“The coalition will deter Russia.” — Anisova, ELN, 6 Dec 2023, ¶13",
    );
  });

  it("shows elided quotes with … inside the quote marks", () => {
    const [message] = render(
      answer("x", "T", {
        excerpts: [excerpt("middle of a sentence", { elided: { before: true, after: true } })],
        sources: [SAMPLE_DOC],
      }),
    );
    expect(all([message as SlackMessage])).toContain(">“… middle of a sentence …”");
  });

  it("puts highlights in bold only where Slack renders bold, never adding stray asterisks mid-word", () => {
    const quote = "The JEF rests on an MoU, not a treaty; the JEFs are many.";
    const [message] = render(
      answer("x", "T", {
        excerpts: [excerpt(quote, { highlights: ["an MoU, not a treaty", "JEF"] })],
        sources: [SAMPLE_DOC],
      }),
    );
    const line = all([message as SlackMessage])
      .split("\n")
      .find((l) => l.startsWith(">"));
    // "JEF" in "JEFs" is inside a word: not bolded.
    expect(line).toBe(">“The *JEF* rests on *an MoU, not a treaty*; the JEFs are many.”");
  });

  it("turns follow-ups into buttons whose value carries the command, options and visibility", () => {
    const [message] = render(
      answer("x", "T", {
        followUps: [
          { label: "Next results", command: "search", options: { query: "JEF", page: 2 } },
        ],
      }),
      true,
    );
    const actions = message?.blocks.find((b) => b.type === "actions");
    expect(actions).toEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "Next results", emoji: true },
          action_id: "follow-up:0",
          value: '{"c":"search","o":{"query":"JEF","page":2},"p":true}',
        },
      ],
    });
  });

  it("shows a follow-up whose state is too long for a button as a command hint instead", () => {
    const [message] = render(
      answer("x", "T", {
        followUps: [{ label: "Long", command: "search", options: { query: "q ".repeat(1100) } }],
      }),
    );
    expect(message?.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(all([message as SlackMessage])).toContain("*Next:* `/search");
  });

  it("builds links only for http(s) URLs and encodes characters that would end a Slack link", () => {
    const [message] = render(
      answer("x", "T", {
        excerpts: [
          excerpt("a", { source: sampleSource(1, { url: "javascript:alert(1)" }) }),
          excerpt("b", { source: sampleSource(2, { url: "https://example.org/a|b?x=<y>&z=1" }) }),
        ],
        sources: [SAMPLE_DOC],
      }),
    );
    const text = all([message as SlackMessage]);
    expect(text).toContain("¶1 · Coalition of the willing · _(no link)_");
    expect(text).toContain("<https://example.org/a%7Cb?x=%3Cy%3E&amp;z=1|source, ¶2>");
  });

  it("shows an error's reference code", () => {
    const [message] = render(
      answer("boom", "/boom failed", {
        status: "error",
        reference: "ERR-DEADBEEF",
        notes: ["Tell your tutor ERR-DEADBEEF."],
      }),
    );
    expect(texts(message as SlackMessage)[0]).toBe("⚠️ /boom failed");
    expect(all([message as SlackMessage])).toContain("*Reference:* `ERR-DEADBEEF`");
    expect(message?.text).toContain("ERR-DEADBEEF");
  });
});

describe("renderAnswer: Slack's limits", () => {
  it("shortens a long title visibly to the header's 150 characters", () => {
    const [message] = render(answer("x", `${"word ".repeat(60)}& end`));
    const header = texts(message as SlackMessage)[0] ?? "";
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.endsWith("…")).toBe(true);
  });

  it("splits a long quote at word boundaries across sections with visible continuation marks", () => {
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
    const quote = words.join(" ");
    const [message] = render(
      answer("x", "T", { excerpts: [excerpt(quote, { label: "Long" })], sources: [SAMPLE_DOC] }),
    );
    const sections = (message?.blocks ?? [])
      .filter((b) => b.type === "section")
      .map((b) => (b.type === "section" ? b.text.text : ""));
    expect(sections.length).toBeGreaterThan(2);
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(sections[0]).toMatch(/^\*1\. Long\* _\(our label\)_\n>“word0 /);
    expect(sections[0]).toMatch(/\n_\(the quote continues in the next block\)_$/);
    expect(sections[1]).toMatch(/^_\(passage 1, continued\)_\n>word\d+ /);
    expect(sections.at(-1)).toMatch(/word899”$/);
    // Nothing lost or cut inside a word: the pieces rejoin to the quote.
    const rejoined = sections
      .map((s) =>
        s
          .split("\n")
          .filter((l) => l.startsWith(">"))
          .join("")
          .slice(1),
      )
      .join(" ")
      .replace(/>/g, "");
    expect(rejoined.replace(/[“”]/g, "")).toBe(quote);
    // The citation follows the last piece.
    const last = message?.blocks.findLastIndex((b) => b.type === "section") ?? -1;
    expect(message?.blocks[last + 1]).toMatchObject({
      type: "context",
      elements: [{ text: expect.stringContaining("¶13") }],
    });
  });

  it("counts escaped length: a quote of ampersands is split so each section stays within 3000", () => {
    const quote = Array.from({ length: 400 }, () => "&&&&").join(" ");
    const messages = render(
      answer("x", "T", { excerpts: [excerpt(quote)], sources: [SAMPLE_DOC] }),
    );
    for (const message of messages) expectWithinSlackLimits(message);
    expect(
      messages.flatMap((m) => m.blocks).filter((b) => b.type === "section").length,
    ).toBeGreaterThan(1);
  });

  it("splits long editor's notes into sections that stay within 3000 with their continuation marks", () => {
    const notes = Array.from({ length: 6 }, (_, i) => `Note ${i} & <more>: ${"word ".repeat(700)}`);
    const messages = render(answer("brief", "Notes", { notes }));
    const sections = messages
      .flatMap((m) => m.blocks)
      .filter((b): b is Extract<Block, { type: "section" }> => b.type === "section");
    expect(sections.length).toBeGreaterThan(6);
    for (const block of sections) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    expect(sections.slice(1).every((b) => b.text.text.includes(" _(continued)_"))).toBe(true);
    expect(sections.at(-2)?.text.text).toContain("_(notes continue in the next block)_");
    for (const message of messages) expectWithinSlackLimits(message);
  });

  it("paginates many quotes into several messages, each marked as a part", () => {
    const excerpts = Array.from({ length: 40 }, (_, i) =>
      excerpt(`Quote number ${i} ${"text ".repeat(150)}`, { source: sampleSource(i + 1) }),
    );
    const messages = render(
      answer("x", "Many", {
        excerpts,
        sources: [SAMPLE_DOC],
        followUps: [{ label: "More", command: "search", options: {} }],
      }),
    );
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(SLACK_LIMITS.pages);
    messages.forEach((message, i) => {
      expectWithinSlackLimits(message);
      if (i > 0)
        expect(texts(message)[0]).toBe(`_(continued — part ${i + 1} of ${messages.length})_`);
    });
    // Buttons and the source line come at the very end.
    expect(messages.at(-1)?.blocks.some((b) => b.type === "actions")).toBe(true);
  });

  it("names what it leaves out when an answer is too long even for several messages", () => {
    const excerpts = Array.from({ length: 60 }, (_, i) =>
      excerpt(`Quote ${i} ${"lorem ipsum ".repeat(200)}`, { source: sampleSource(i + 1) }),
    );
    const messages = render(answer("x", "Huge", { excerpts, sources: [SAMPLE_DOC] }));
    expect(messages).toHaveLength(SLACK_LIMITS.pages);
    const text = all(messages);
    const notice =
      /Not shown, because Slack limits how long one reply can be: passages (\d+)–60\./.exec(text);
    expect(notice).not.toBeNull();
    const firstHidden = Number(notice?.[1]);
    // Every passage before the notice is shown with its citation, none after.
    expect(text).toContain(`*${firstHidden - 1}.*`);
    expect(text).toContain(`¶${firstHidden - 1} ·`);
    expect(text).not.toContain(`*${firstHidden}.*`);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever the answer, every message is within Slack's limits, nothing hostile turns
// into markup, and every quote shown is shown whole and verbatim (or named as left out).

const hostileToken = fc.oneof(
  fc.constantFrom(
    "<!channel>",
    "<!here>",
    "@everyone",
    "&",
    "&amp;",
    "&lt;",
    "<",
    ">",
    "<@U1>",
    "<#C1|x>",
    "<https://x.example|y>",
    "*",
    "_",
    "~",
    "`",
    "\n",
    "  ",
    "…",
    "😀",
    "\u202e",
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.stringMatching(/^[a-z]{1,12}$/),
);
const text = (maxParts: number) =>
  fc.array(hostileToken, { maxLength: maxParts }).map((parts) => parts.join(" "));
const hugeWord = fc.string({ unit: "binary-ascii", minLength: 3000, maxLength: 7000 });

const quoteArb = fc.oneof(
  { weight: 4, arbitrary: text(60) },
  { weight: 1, arbitrary: text(1500) },
  { weight: 1, arbitrary: hugeWord },
);
const hugeQuoteArb = fc.oneof(text(1500), hugeWord);

const excerptArb = (quotes: fc.Arbitrary<string>) =>
  fc
    .record({
      quote: quotes.filter((q) => q.trim() !== ""),
      label: fc.option(text(40), { nil: undefined }),
      group: fc.option(fc.constantFrom("Claims", "Objections", "<!channel>"), { nil: undefined }),
      paragraph: fc.integer({ min: 1, max: 40 }),
      elided: fc.option(fc.record({ before: fc.boolean(), after: fc.boolean() }), {
        nil: undefined,
      }),
      highlightAt: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 })), { maxLength: 3 }),
    })
    .map(({ quote, label, group, paragraph, elided, highlightAt }): Excerpt => {
      const highlights = highlightAt
        .map(([start, length]) =>
          quote.slice(start % quote.length, (start % quote.length) + length),
        )
        .filter(Boolean);
      return {
        quote,
        source: sampleSource(paragraph),
        ...(label ? { label } : {}),
        ...(group ? { group } : {}),
        ...(elided ? { elided } : {}),
        ...(highlights.length ? { highlights } : {}),
      };
    });

const answerArb = fc
  .record({
    title: text(80),
    status: fc.constantFrom("ok", "not-found", "invalid-input", "error"),
    notices: fc.array(text(80), { maxLength: 6 }),
    notes: fc.array(text(80), { maxLength: 12 }),
    // Ordinary answers, and answers too long even for several messages.
    excerpts: fc.oneof(
      { weight: 3, arbitrary: fc.array(excerptArb(quoteArb), { maxLength: 30 }) },
      { weight: 1, arbitrary: fc.array(excerptArb(hugeQuoteArb), { minLength: 6, maxLength: 20 }) },
    ),
    suggestions: fc.array(text(10), { maxLength: 25 }),
    followUps: fc.array(
      fc.record({
        label: text(20),
        command: fc.stringMatching(/^[a-z]{1,12}$/),
        options: fc.dictionary(
          fc.stringMatching(/^[a-z]{1,8}$/),
          fc.oneof(text(30), fc.integer(), fc.boolean()),
          { maxKeys: 3 },
        ),
      }),
      { maxLength: 15 },
    ),
    reference: fc.option(fc.constant("ERR-0123ABCD"), { nil: undefined }),
    replyPrompt: fc.option(text(60), { nil: undefined }),
    sources: fc.integer({ min: 0, max: 13 }),
  })
  .map(
    (r): Answer => ({
      ...answer("x", r.title, {
        status: r.status,
        notices: r.notices,
        notes: r.notes,
        excerpts: r.excerpts,
        suggestions: r.suggestions,
        followUps: r.followUps,
      }),
      sources: Array.from({ length: r.sources }, (_, i) => ({
        ...SAMPLE_DOC,
        id: i === 0 ? "doc" : `doc${i}`,
      })),
      ...(r.reference ? { reference: r.reference } : {}),
      ...(r.replyPrompt !== undefined
        ? {
            replyRequest: {
              prompt: r.replyPrompt,
              command: "drill",
              options: { round: 1 },
              replyOption: "answer",
            },
          }
        : {}),
    }),
  );

/** The quote text shown for passage `n`, piece by piece, unescaped and without our marks. */
function shownPieces(
  messages: SlackMessage[],
  n: number,
  withHighlights: boolean,
): string[] | undefined {
  const sections = messages
    .flatMap((m) => m.blocks)
    .flatMap((b) => (b.type === "section" ? [b.text.text] : []));
  const pieces = sections.filter(
    (s) => s.startsWith(`*${n}.`) || s.startsWith(`_(passage ${n}, continued)_`),
  );
  if (pieces.length === 0) return undefined;
  return pieces.map((s) => {
    const lines = s
      .split("\n")
      .filter((l) => l.startsWith(">"))
      .map((l) => l.slice(1));
    const joined = lines.join("\n");
    return unescapeForDisplay(withHighlights ? joined.replace(/\*/g, "") : joined);
  });
}

describe("renderAnswer: property over random, huge and hostile answers", () => {
  it("keeps every message within limits, escapes everything, and shows quotes whole or names them as left out", () => {
    fc.assert(
      fc.property(answerArb, fc.boolean(), (a, isPublic) => {
        const messages = renderAnswer(a, { isPublic }).messages();
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.length).toBeLessThanOrEqual(SLACK_LIMITS.pages);
        for (const message of messages) {
          expectWithinSlackLimits(message);
          expectNoSlackMarkupFromText(message);
          expect(message.blocks.reduce((sum, b) => sum + blockSize(b), 0)).toBeLessThanOrEqual(
            SLACK_LIMITS.messageChars,
          );
        }
        const notice =
          /Not shown, because Slack limits how long one reply can be: .*?passages? (\d+)/.exec(
            messages.flatMap(texts).join("\n"),
          );
        const firstHidden = notice ? Number(notice[1]) : Number.POSITIVE_INFINITY;
        a.excerpts.forEach((e, i) => {
          const n = i + 1;
          const highlighted = (e.highlights ?? []).length > 0;
          const pieces = shownPieces(messages, n, highlighted);
          if (n >= firstHidden) {
            expect(pieces).toBeUndefined();
            return;
          }
          expect(pieces, `passage ${n} is neither shown nor named as left out`).toBeDefined();
          const quote = highlighted ? e.quote.replace(/\*/g, "") : e.quote;
          const open = `“${e.elided?.before ? "… " : ""}`;
          const close = `${e.elided?.after ? " …" : ""}”`;
          const list = pieces as string[];
          list[0] = (list[0] as string).startsWith(open)
            ? (list[0] as string).slice(open.length)
            : "<missing open quote>";
          const last = list.length - 1;
          list[last] = (list[last] as string).endsWith(close)
            ? (list[last] as string).slice(0, -close.length)
            : "<missing close quote>";
          // Pieces are consecutive substrings of the quote, split only at whitespace or inside an unbreakable word.
          let at = 0;
          for (const piece of list) {
            const found = quote.indexOf(piece, at);
            expect(found, `passage ${n}: a piece is not verbatim`).toBeGreaterThanOrEqual(at);
            expect(quote.slice(at, found).trim()).toBe("");
            at = found + piece.length;
          }
          expect(quote.slice(at).trim()).toBe("");
        });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });

  it("escapes exactly: unescaping what it shows gives back the title", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        expect(unescapeForDisplay(escapeSlack(s))).toBe(s);
        expect(escapeSlack(s)).not.toMatch(/[<>]/);
      }),
    );
  });
});
