import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPLY_BUTTON_LABEL } from "../../../src/adapters/discord/buttons.js";
import { decodeCustomId } from "../../../src/adapters/discord/custom-id.js";
import { toApiBody } from "../../../src/adapters/discord/message.js";
import { MAX_MESSAGES, renderAnswer } from "../../../src/adapters/discord/render.js";
import { type Answer, answer, type DocumentRef, type Excerpt } from "../../../src/core/answer.js";
import { OURS_LEGEND } from "../../../src/core/words.js";
import { sampleSource } from "../../fixtures/answers.js";
import { PNG } from "../../fixtures/discord/commands.js";
import { SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";
import { run } from "../../helpers/run.js";
import { asUnrendered, quoteBody, shownQuotes, squash, unrender } from "./helpers.js";
import { LIVE_MENTION, limitProblems, visibleTexts } from "./limits-check.js";

const core = shippedCore();

describe("renderAnswer with the shipped reading", () => {
  it.each([
    ["why-not-jef", {}],
    ["pillar", { name: "coalition" }],
    ["search", { query: "Is the JEF legally binding?" }],
    ["claim", { query: "coal-speed" }],
    ["counter", { topic: "NATO" }],
  ] as const)(
    "/%s shows every quote verbatim, cited to its paragraph with a link, within Discord's limits",
    async (name, options) => {
      const result = await run(name, options);
      const { messages } = renderAnswer(result, { ephemeral: false });
      for (const message of messages) expect(limitProblems(message)).toEqual([]);

      const shown = shownQuotes(messages);
      expect(shown.map((q) => q.number)).toEqual(result.excerpts.map((_, i) => i + 1));
      shown.forEach((quote, i) => {
        const excerpt = result.excerpts[i] as Excerpt;
        const body = quoteBody(quote, excerpt.elided);
        expect(squash(body)).toBe(squash(excerpt.quote));
        const paragraph = core.corpus.paragraph(SHIPPED_DOC, quote.paragraph);
        expect(squash(paragraph?.text ?? "")).toContain(squash(body));
        expect(quote.url).toBe(core.corpus.document(SHIPPED_DOC)?.url);
        if (excerpt.label) expect(quote.label).toMatch(/\(our label\)$/);
      });
    },
  );

  it("marks what is ours: the footer, the notes, labels and group headings", async () => {
    const { messages } = renderAnswer(await run("why-not-jef"), { ephemeral: false });
    const [head, ...rest] = messages[0].embeds;
    expect(head?.footer?.text).toBe(OURS_LEGEND);
    expect(head?.description).toMatch(
      /^\*Editor's notes — our words, not the author's:\*\n• The objection:/,
    );
    expect(rest[0]?.title).toBe("The reasons the text gives (our heading)");
    expect(rest[0]?.fields?.[0]?.name).toBe(
      "1. Reason 1: The JEF rests on an MoU, not a treaty (our label)",
    );
    expect(rest.at(-1)?.title).toBe("Source");
    expect(rest.at(-1)?.description).toMatch(
      /^Kateryna Anisova, “No need to wait.*”, European Leadership Network, 6 December 2023\. https:\/\//,
    );
  });

  it("splits a paragraph longer than a field at a word boundary, with visible marks", async () => {
    const result = await run("para", { number: 13 });
    const { messages } = renderAnswer(result, { ephemeral: false });
    const fields = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    const continued = fields.filter((f) => / \(continued\)$/.test(f.name));
    expect(continued.length).toBeGreaterThan(0);
    for (const field of fields.filter((f) => f.value.endsWith("*(continued below)*"))) {
      expect(field.value).toMatch(/\S \*\(continued below\)\*$/);
    }
    expect(shownQuotes(messages).some((q) => q.pieces > 1)).toBe(true);
  });

  it("renders highlights in bold and elisions as …", () => {
    const source = {
      documentId: "d",
      sectionId: "s",
      section: "Section",
      sectionEditorial: true,
      paragraph: 3,
      url: "https://example.org/r",
    };
    const result = answer("search", "t", {
      excerpts: [
        {
          quote: "First part. The key point. Last part.",
          source,
          highlights: ["The key point."],
          elided: { before: true, after: true },
        },
      ],
    });
    const field = renderAnswer(result, { ephemeral: false }).messages[0].embeds[1]?.fields?.[0];
    expect(field).toEqual({
      name: "Quote 1",
      value:
        "“… First part. **The key point.** Last part. …”\n— [d, ¶3](https://example.org/r) · Section *(section name ours)*",
    });
  });

  it("turns follow-ups into buttons whose custom ids carry the command and options", async () => {
    const { messages } = renderAnswer(await run("search", { query: "NATO" }), { ephemeral: false });
    const buttons = messages.at(-1)?.components.flatMap((row) => row.components) ?? [];
    const labels = buttons.map((b) => b.label);
    expect(labels.filter((l) => l?.startsWith("Whole ¶")).length).toBeGreaterThan(0);
    expect(labels.slice(-3)).toEqual(["Next results", "Counter-arguments", "Show the sources"]);
    const next = decodeCustomId(buttons.at(-3)?.custom_id ?? "");
    expect(next).toEqual({
      ok: true,
      state: { kind: "follow-up", command: "search", options: { query: "NATO", page: "2" } },
    });
    const whole = decodeCustomId(buttons[0]?.custom_id ?? "");
    expect(whole).toMatchObject({ ok: true, state: { kind: "follow-up", command: "para" } });
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
  });

  it("makes every message ephemeral when asked", async () => {
    const { messages } = renderAnswer(await run("pillar", { name: "coalition" }), {
      ephemeral: true,
    });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.flags).toBe(64);
  });

  it("shows an error's reference code", async () => {
    const failed = answer("boom", "/boom failed", {
      status: "error",
      reference: "ERR-0A1B2C3D",
      notes: ["Something went wrong."],
    });
    const head = renderAnswer(failed, { ephemeral: true }).messages[0].embeds[0];
    expect(head?.description).toContain("**Reference:** ERR-0A1B2C3D");
    expect(head?.color).toBe(0xc53030);
  });

  it("sends attachments as files with the first message and shows an image in the embed", () => {
    const withFile = answer("map", "Map", {
      attachments: [
        {
          filename: "argument map.png",
          contentType: "image/png",
          data: PNG,
          description: "The map (ours)",
        },
      ],
    });
    const [first] = renderAnswer(withFile, { ephemeral: false }).messages;
    expect(first.files).toEqual([
      {
        filename: "argument_map.png",
        contentType: "image/png",
        data: PNG,
        description: "The map (ours)",
      },
    ]);
    expect(first.embeds[0]?.image).toEqual({ url: "attachment://argument_map.png" });
    expect(toApiBody(first).attachments).toEqual([
      { id: 0, filename: "argument_map.png", description: "The map (ours)" },
    ]);
  });

  it("offers an Answer button for a reply request, first among the buttons", () => {
    const asking = answer("drill", "Round 1", {
      replyRequest: {
        prompt: "Why not the JEF?",
        command: "drill-check",
        options: { round: "r1" },
        replyOption: "answer",
      },
      followUps: [{ label: "Skip", command: "drill", options: {} }],
    });
    const [first] = renderAnswer(asking, { ephemeral: false }).messages;
    const [answerButton, skip] = first.components[0]?.components ?? [];
    expect(answerButton).toEqual({
      type: 2,
      style: 1,
      label: REPLY_BUTTON_LABEL,
      custom_id: "dp1|r|drill-check|answer|round=r1",
    });
    expect(skip?.label).toBe("Skip");
    expect(first.embeds[0]?.description).toContain(
      "**Your turn** *(our question)*: Why not the JEF?",
    );
  });

  it("reports a button whose state cannot fit instead of sending a broken one", () => {
    const result = answer("drill", "t", {
      followUps: [{ label: "Next", command: "drill", options: { state: "x".repeat(150) } }],
    });
    const rendered = renderAnswer(result, { ephemeral: false });
    expect(rendered.messages[0].components).toEqual([]);
    expect(rendered.warnings).toEqual([expect.stringContaining("100-character custom_id")]);
  });

  it("escapes hostile text everywhere: nothing pings, nothing renders as markdown", () => {
    const hostile = "@everyone <@123> <@&456> **bold** [x](https://evil.example) # big";
    const source = sampleSource(1, { section: hostile });
    const result = answer("search", `Nothing found for “${hostile}”`, {
      notes: [hostile],
      excerpts: [{ quote: hostile, source, label: hostile, group: hostile }],
      suggestions: [hostile],
      followUps: [{ label: hostile, command: "search", options: { query: hostile } }],
    });
    const [message] = renderAnswer(result, { ephemeral: false }).messages;
    for (const text of visibleTexts(message)) expect(text).not.toMatch(LIVE_MENTION);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(unrender(message.embeds[0]?.title ?? "")).toBe(`Nothing found for “${hostile}”`);
    expect(message.embeds[0]?.title).toContain("\\*\\*bold\\*\\* \\[x\\]");
  });

  it("keeps a quote's own zero-width space as written, beside the ones that break a mention", () => {
    // Found by the property below (seed -549907521): a quote that is only "\u200b".
    const source = sampleSource();
    const quote = "co\u200bop with @everyone";
    const result = answer("search", "t", { excerpts: [{ quote, source }] });
    const { messages } = renderAnswer(result, { ephemeral: false });
    const [shown] = shownQuotes(messages);
    const field = messages[0]?.embeds[1]?.fields?.[0]?.value ?? "";
    expect(field).toContain("co\u200bop");
    expect(field).toContain("@\u200beveryone");
    expect(shown?.text).toContain(asUnrendered(quote));
  });

  it("spreads an answer over several messages, then leaves out whole quotes with a visible count", () => {
    const source = sampleSource();
    const long = "word ".repeat(800).trim();
    const many = answer("long", "Long", {
      excerpts: Array.from({ length: 40 }, () => ({ quote: long, source })),
    });
    const { messages } = renderAnswer(many, { ephemeral: false });
    expect(messages.length).toBe(MAX_MESSAGES);
    const shown = shownQuotes(messages);
    expect(shown.length).toBeLessThan(40);
    for (const quote of shown) expect(squash(quote.text)).toBe(long);
    expect(messages.at(-1)?.content).toContain(`${40 - shown.length} more quotes are not shown`);
    expect(messages[1]?.content).toBe(`*(continued — part 2 of ${MAX_MESSAGES})*`);
  });
});

describe("renderAnswer property: any answer, however huge or hostile", () => {
  /** FUZZ_RUNS=20000 for a long run; each run renders answers of up to a few hundred kilobytes. */
  const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
  const hostileWords = [
    "@everyone",
    "@here",
    "<@123>",
    "<@&456>",
    "<#789>",
    "**",
    "__",
    "`",
    "||",
    "> ",
    "# ",
    "\\",
    "[a](b)",
    "😀",
    "\n",
    "-",
  ];
  const text = (maxWords: number) =>
    fc
      .array(
        fc.oneof(
          fc.constantFrom(...hostileWords),
          fc.string({ minLength: 1, maxLength: 12 }),
          fc.string({ unit: "binary", maxLength: 12 }),
          fc.string({ minLength: 200, maxLength: 1500 }),
        ),
        { maxLength: maxWords, size: "medium" },
      )
      .map((words) => words.join(" "));
  const url = fc.oneof(
    fc.constant("https://example.org/reading"),
    fc.webUrl(),
    fc.string({ maxLength: 40 }),
  );
  const source = fc.record({
    documentId: fc.constantFrom("doc-a", "doc-b"),
    sectionId: fc.string({ maxLength: 10 }),
    section: text(20),
    sectionEditorial: fc.boolean(),
    paragraph: fc.integer({ min: 1, max: 500 }),
    url,
  });
  const excerpt = text(60).chain((quote) =>
    fc.record(
      {
        quote: fc.constant(quote),
        source,
        label: text(30),
        group: fc.constantFrom("Claims", "Objections answered", "A group @everyone"),
        highlights: fc.array(
          fc
            .nat({ max: Math.max(0, quote.length - 1) })
            .chain((start) => fc.constant(quote.slice(start, start + 40))),
          { maxLength: 3 },
        ),
        elided: fc.record({ before: fc.boolean(), after: fc.boolean() }),
      },
      { requiredKeys: ["quote", "source"] },
    ),
  );
  const doc: fc.Arbitrary<DocumentRef> = fc.record({
    id: fc.constantFrom("doc-a", "doc-b"),
    title: text(10),
    author: text(5),
    publisher: text(5),
    date: fc.constant("2023-12-06"),
    url,
    shortCite: text(10),
  });
  const anyAnswer: fc.Arbitrary<Answer> = fc.record(
    {
      status: fc.constantFrom("ok", "not-found", "invalid-input", "error"),
      command: fc.constant("search"),
      title: text(40),
      notes: fc.array(text(40), { maxLength: 12 }),
      excerpts: fc.array(excerpt, { maxLength: 40, size: "medium" }),
      related: fc.constant([]),
      followUps: fc.array(
        fc.record({
          label: text(8),
          command: fc.constantFrom("search", "pillar", "bad|name"),
          options: fc.dictionary(
            fc.constantFrom("query", "page", "name"),
            fc.oneof(text(8), fc.integer()),
          ),
        }),
        { maxLength: 30 },
      ),
      suggestions: fc.array(text(6), { maxLength: 8 }),
      sources: fc.array(doc, { maxLength: 4 }),
      reference: fc.constant("ERR-12345678"),
      replyRequest: fc.record({
        prompt: text(30),
        command: fc.constant("drill-check"),
        options: fc.constant({ round: "r1" }),
        replyOption: fc.constant("answer"),
      }),
    },
    {
      requiredKeys: [
        "status",
        "command",
        "title",
        "notes",
        "excerpts",
        "related",
        "followUps",
        "suggestions",
        "sources",
      ],
    },
  );

  it(
    "stays within every limit, never pings, and shows each quote whole or counts it as not shown",
    () => {
      fc.assert(
        fc.property(anyAnswer, fc.boolean(), (result, ephemeral) => {
          const { messages } = renderAnswer(result, { ephemeral });
          expect(messages.length).toBeGreaterThanOrEqual(1);
          expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
          for (const message of messages) {
            expect(limitProblems(message)).toEqual([]);
            for (const t of visibleTexts(message)) expect(t).not.toMatch(LIVE_MENTION);
            expect(message.flags).toBe(ephemeral ? 64 : undefined);
          }
          const shown = shownQuotes(messages);
          expect(shown.map((q) => q.number)).toEqual(shown.map((_, i) => i + 1));
          shown.forEach((quote, i) => {
            const excerpt = result.excerpts[i] as Excerpt;
            const body = quoteBody(quote, excerpt.elided);
            expect(body.replace(/\s+/g, "")).toBe(
              asUnrendered(excerpt.quote).replace(/[\s\p{Cc}]+/gu, ""),
            );
          });
          const hidden = result.excerpts.length - shown.length;
          if (hidden > 0) expect(messages.at(-1)?.content).toContain(`${hidden} more quote`);
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(20_000, RUNS * 200),
  );
});
