/**
 * Pins the Discord renderer's output byte for byte, so work on its speed can prove it changed
 * nothing: the soak's command mix over the shipped reading (with every hostile text the soak
 * sends) and hand-built answers that reach the splitter's corners. The small hand-built answers
 * are pinned in full in the fixture, where a reader can see what escaping does; the rest by the
 * SHA-256 of their JSON. `UPDATE_GOLDEN=1` rewrites the fixture from the current
 * code — only do that for a change of output that is meant, and review the diff.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toApiBody } from "../../../src/adapters/discord/message.js";
import { renderAnswer } from "../../../src/adapters/discord/render.js";
import { type Answer, answer, type SourceRef } from "../../../src/core/answer.js";
import { SAMPLE_DOC } from "../../fixtures/answers.js";
import { run } from "../../helpers/run.js";

const FIXTURE = new URL("../../fixtures/discord/render-golden.json", import.meta.url);
/** A hand-built answer's JSON up to this size is kept in full in the fixture. */
const INLINE_UP_TO = 2000;

/** The soak's hostile texts (scripts/soak-client.ts), plus line-start markers and controls. */
const HOSTILE = [
  "@everyone <@123456789012345678> <@&987654321098765432>",
  "<!channel> <!here> <@U012ABCDEF> <https://evil.example|click me>",
  "**bold** __under__ `code` ```block``` > quote ||spoiler|| [link](https://evil.example)",
  "\u001b[31mred\u001b[0m \u0000\u0007 \u202eevil\u202c \u200b",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, on purpose
  "((a+)+)+$ ../../etc/passwd ${process.exit(1)} <script>alert(1)</script>",
  "🇺🇦 ✊🏽 𝕳𝖊𝖑𝖑𝖔 JEF ".repeat(40),
];

/** The soak's scenarios (without /drill, whose rounds are drawn at random). */
const COMMANDS: readonly (readonly [string, Record<string, string>])[] = [
  ["why-not-jef", {}],
  ["pillar", { name: "coalition" }],
  ["pillar", { name: "g7" }],
  ["search", { query: "Is the JEF legally binding?" }],
  ["claim", { query: "coal-speed" }],
  ["counter", { topic: "NATO membership" }],
  ["glossary", { term: "PESCO" }],
  ["sources", {}],
  ["card", { query: "memorandum of understanding" }],
  ...HOSTILE.flatMap((hostile): [string, Record<string, string>][] => [
    ["search", { query: `JEF ${hostile}` }],
    ["counter", { topic: hostile }],
    ["glossary", { term: hostile }],
    ["quote", { topic: `coalition ${hostile}` }],
    ["brief", { side: "against", motion: `coalition ${hostile}` }],
    ["help", { command: hostile }],
  ]),
];

const SOURCE: SourceRef = {
  documentId: SAMPLE_DOC.id,
  sectionId: "s",
  section: "Why wait",
  sectionEditorial: false,
  paragraph: 7,
  url: SAMPLE_DOC.url,
};

/** Answers built by hand: markdown at line starts, highlights, over-long quotes and words. */
function handBuilt(): Record<string, Answer> {
  const markers = "# heading\n> quote\n - item\n+ plus\n12. twelve\n\t3.x not a list\n|| \\ ~ [";
  const long = `${"The coalition *moves* faster than NATO. ".repeat(60)}end`;
  const word = `${"x".repeat(1500)}@everyone${"*".repeat(300)}`;
  return {
    "markers and mentions everywhere": answer("search", `# ${HOSTILE[0]} **t**`, {
      status: "not-found",
      reference: "ERR-0000ABCD",
      notes: [markers, HOSTILE[1] as string],
      suggestions: ["@here", "`x`"],
      excerpts: [
        {
          quote: `${markers}\n@everyone </cmd:1> <a:x:1> <t:1:R>`,
          source: { ...SOURCE, section: "> sec *x*", sectionEditorial: true },
          label: "- label _x_",
          group: "1. group ~x~",
          highlights: ["heading", "item\n+ plus", "@everyone"],
          elided: { before: true, after: false },
        },
      ],
      followUps: [{ label: "**go** @everyone", command: "search", options: { query: "<@1>" } }],
      sources: [SAMPLE_DOC],
    }),
    "a reply request and a file": answer("drill", "Round 1", {
      replyRequest: {
        prompt: "Answer *this* @here",
        command: "drill",
        options: { token: "t" },
        replyOption: "reply",
      },
      attachments: [
        {
          filename: "a map*.png",
          contentType: "image/png",
          data: new Uint8Array([1, 2, 3]),
          description: "Our **map** <@1>",
        },
      ],
      copyText: "tag ``` @everyone\ncite",
    }),
    "a long quote with highlights, split across fields": answer("quote", "Long", {
      excerpts: [
        {
          quote: long,
          source: SOURCE,
          highlights: ["faster than NATO", "The coalition"],
          elided: { before: false, after: true },
        },
      ],
      notes: [`${long} ${long.slice(0, 1500)}`],
      sources: [SAMPLE_DOC],
    }),
    "a line longer than a description, split with marks": answer("help", "Try", {
      status: "invalid-input",
      suggestions: Array.from({ length: 400 }, (_, i) => `\`q${i}\` @here`),
    }),
    "words longer than a field": answer("quote", "Word", {
      excerpts: [{ quote: word, source: SOURCE, highlights: ["x".repeat(700), "@every"] }],
      notes: [word],
    }),
    "more quotes than five messages hold": answer("search", "Many", {
      excerpts: Array.from({ length: 40 }, (_, i) => ({
        quote: `${i} ${long}`,
        source: SOURCE,
        label: `Label ${i} *`,
        group: i < 20 ? "First" : "Second",
      })),
      copyText: `${long}\n`.repeat(20),
    }),
  };
}

/** Each message as the JSON body Discord would get, plus the warnings. */
function rendered(result: Answer, ephemeral: boolean): string {
  const { messages, warnings } = renderAnswer(result, { ephemeral });
  return JSON.stringify({
    bodies: messages.map(toApiBody),
    files: messages.map((m) =>
      m.files.map((f) => [f.filename, Buffer.from(f.data).toString("base64")]),
    ),
    warnings,
  });
}

/**
 * An answer pinned: in full, or by the digest of its rendering. A catalogue answer also carries
 * the digest of the Answer itself, so a failure tells a change in the core (a re-ranked search;
 * regenerate the fixture) from a change in the renderer.
 */
type Pinned = { readonly answer?: string; readonly render: string } | { readonly json: unknown };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function cases(): Promise<Record<string, Pinned>> {
  const out: Record<string, Pinned> = {};
  for (const [name, options] of COMMANDS) {
    const result = await run(name, options);
    out[`/${name} ${JSON.stringify(options)}`] = {
      answer: sha256(JSON.stringify(result)),
      render: sha256(rendered(result, false)),
    };
  }
  for (const [name, result] of Object.entries(handBuilt())) {
    const json = rendered(result, false);
    out[name] = json.length <= INLINE_UP_TO ? { json: JSON.parse(json) } : { render: sha256(json) };
    out[`${name} (ephemeral)`] = { render: sha256(rendered(result, true)) };
  }
  return out;
}

describe("the Discord renderer's output, pinned", () => {
  it("is byte-identical to the fixture for the soak's mix and hand-built corner cases", async () => {
    const actual = await cases();
    if (process.env.UPDATE_GOLDEN === "1")
      writeFileSync(FIXTURE, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, Pinned>;
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const [name, pinned] of Object.entries(expected)) {
      const now = actual[name] as Pinned;
      if ("answer" in pinned && "answer" in now)
        expect(now.answer, `${name}: the core's answer changed, not the renderer`).toBe(
          pinned.answer,
        );
      expect(now, name).toEqual(pinned);
    }
  });
});
