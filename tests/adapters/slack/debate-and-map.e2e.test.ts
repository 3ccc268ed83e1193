/**
 * The real /map, /export, /card, /brief, /quote and /drill through Slack, end to end on loopback:
 * the real Bolt app over HTTP on the shared server, signed requests exactly as Slack sends them,
 * and the fake Slack recording what arrives — response_url bodies, Web API calls, uploaded bytes.
 * (The Answer → modal → reveal path of /drill is also in http.e2e.test.ts; here the round goes on
 * to the coaching, the author's cards and "Next", and forged round tokens are refused.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import type { SlackMessage } from "../../../src/adapters/slack/blocks.js";
import { escapeSlack } from "../../../src/adapters/slack/escape.js";
import { REPLY_BLOCK, REPLY_INPUT, REPLY_VIEW } from "../../../src/adapters/slack/interactions.js";
import { renderAnswer } from "../../../src/adapters/slack/render.js";
import type { Answer } from "../../../src/core/answer.js";
import type { MapNode } from "../../../src/core/corpus/model.js";
import { buildCard, cardCopyText } from "../../../src/core/debate/card.js";
import { drillPool, nextInPool, scoreReply } from "../../../src/core/debate/drill.js";
import { exportMap } from "../../../src/core/export/formats.js";
import { COPY_TITLE } from "../../../src/core/words.js";
import { decodePng, isPng } from "../../core/map/png.js";
import {
  blockActionsPayload,
  FAKE_CHANNEL,
  FAKE_USER,
  interactionBody,
  postSigned,
  viewSubmissionPayload,
} from "../../fakes/slack/requests.js";
import {
  type ApiCall,
  type FakeBlock,
  type FakeSlack,
  type SlackResponseBody,
  startFakeSlack,
} from "../../fakes/slack/server.js";
import { GOOD_REPLIES } from "../../fixtures/drill-replies.js";
import { SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";
import { run } from "../../helpers/run.js";
import { type EventsServer, serveSlackEvents } from "./events-server.js";
import {
  blockTexts,
  buttons,
  defined,
  expectNoSlackMarkupFromText,
  expectWithinSlackLimits,
  memoryLogger,
  quotedText,
  type SlashAnswer,
  sendSlash,
  unescapeForDisplay,
} from "./helpers.js";

const SECRET = "5f0d1e7c2b9a48d3a1c6e2f7b8d9e0a1";
const BOT_TOKEN = "xoxb-debate-and-map-test";
const core = shippedCore();
const KEY_SENTENCE =
  "First of all, the JEF was established by the memorandum of understanding; thus, it is not a Treaty-bound arrangement. However, as discussed earlier, it is crucial for Ukraine to have legally binding assurances.";
const EUROPEAN_ISRAEL =
  "Solely arming Ukraine to ensure its ability to resist a potential renewed Russian attack, a so-called “European Israel” scenario, is unacceptable for Ukraine.";
const COPY_HEADING = `*${COPY_TITLE}*`;

let fake: FakeSlack;
let served: EventsServer;
let eventsUrl: string;

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: BOT_TOKEN });
  served = await serveSlackEvents({
    core,
    catalogue,
    logger: memoryLogger().logger,
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
  });
  eventsUrl = served.url;
});

afterAll(async () => {
  await served?.close();
  await fake?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * Sends a signed slash command; resolves once `pages` messages arrived (the ack's, if the app
 * answered in it, then those at the response_url), with the Web API calls made meanwhile.
 */
async function slash(
  command: string,
  text: string,
  pages = 1,
): Promise<SlashAnswer & { calls: ApiCall[] }> {
  const before = fake.calls.length;
  const answer = await sendSlash(fake, eventsUrl, SECRET, { command, text }, pages);
  return { ...answer, calls: fake.calls.slice(before) };
}

/** Clicks a button of ours; resolves with the messages at the click's response_url once `done` holds. */
async function click(
  button: { actionId: string; value: string },
  done: (messages: SlackResponseBody[]) => boolean = (m) => m.length > 0,
  extra: { triggerId?: string } = {},
): Promise<SlackResponseBody[]> {
  const sink = crypto.randomUUID();
  const sent = await postSigned(
    eventsUrl,
    SECRET,
    interactionBody(
      blockActionsPayload({
        actionId: button.actionId,
        value: button.value,
        responseUrl: fake.responseUrl(sink),
        ...extra,
      }),
    ),
  );
  expect(sent.status).toBe(200);
  return fake.waitFor(
    () => done(fake.responsesTo(sink)) && fake.responsesTo(sink),
    10_000,
    `the answer to ${button.actionId}`,
  );
}

/** The arrived messages are exactly the rendered answer (with the adapter's file notes). */
function expectRenderedFrom(
  result: Answer,
  { ack, messages }: Pick<SlashAnswer, "ack" | "messages">,
  options: { isPublic: boolean; attachmentNotes?: readonly string[] },
): void {
  const pages: SlackMessage[] = renderAnswer(result, options).messages(options.attachmentNotes);
  expect(messages.map((m) => ({ text: m.text, blocks: m.blocks }))).toEqual(
    JSON.parse(JSON.stringify(pages)),
  );
  for (const message of messages) {
    expect(message.response_type).toBe(options.isPublic ? "in_channel" : "ephemeral");
    // The ack's message is new; the response_url's are added beside it, replacing nothing.
    if (message === ack) expect(message).not.toHaveProperty("replace_original");
    else expect(message.replace_original).toBe(false);
  }
}

function expectSafe(messages: readonly SlackResponseBody[]): void {
  for (const message of messages) {
    expectWithinSlackLimits(message);
    expectNoSlackMarkupFromText(message);
  }
}

interface ShownQuote {
  readonly text: string;
  readonly paragraph: number;
  readonly url: string | undefined;
  readonly sections: readonly string[];
}

/** The quotes in the messages, reassembled from their quote-bar sections, each with its citation. */
function shownQuotes(messages: readonly SlackResponseBody[]): ShownQuote[] {
  const quotes: ShownQuote[] = [];
  let pieces: FakeBlock[] = [];
  for (const block of messages.flatMap((m) => m.blocks ?? [])) {
    if (block.type === "section" && /\n>/.test(block.text?.text ?? "")) pieces.push(block);
    const cite = block.type === "context" ? (block.elements?.[0]?.text as string) : "";
    if (pieces.length > 0 && typeof cite === "string" && cite.startsWith("— ")) {
      quotes.push({
        text: unescapeForDisplay(pieces.map(quotedText).join(" ")),
        paragraph: Number(/¶(\d+) ·/.exec(cite)?.[1] ?? Number.NaN),
        url: /<(https?:\/\/[^|>]+)\|source, ¶\d+>/.exec(cite)?.[1]?.replace(/&amp;/g, "&"),
        sections: pieces.map((p) => p.text?.text ?? ""),
      });
      pieces = [];
    }
  }
  expect(pieces, "a quote without its citation").toEqual([]);
  return quotes;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every quote shown is verbatim from the paragraph its citation names, and links to the source. */
function expectVerbatimCitedQuotes(messages: readonly SlackResponseBody[]): ShownQuote[] {
  const quotes = shownQuotes(messages);
  const url = core.corpus.document(SHIPPED_DOC)?.url;
  for (const quote of quotes) {
    const paragraph = core.corpus.paragraph(SHIPPED_DOC, quote.paragraph);
    expect(paragraph, `¶${quote.paragraph}`).toBeDefined();
    expect(squash(paragraph?.text ?? "")).toContain(squash(quote.text));
    expect(quote.url).toBe(url);
  }
  return quotes;
}

/** The copy text shown in preformatted sections, as a reader copies it. */
function copyText(messages: readonly SlackResponseBody[]): string | undefined {
  const sections = blockTexts({ blocks: messages.flatMap((m) => m.blocks ?? []) }).filter((t) =>
    t.startsWith(COPY_HEADING),
  );
  if (sections.length === 0) return undefined;
  return sections
    .map((s) => s.slice(s.indexOf("\n```\n") + 5, s.lastIndexOf("\n```")))
    .map((s) => unescapeForDisplay(s.replace(/\u200b/g, "")))
    .join("\n");
}

function allText(messages: readonly SlackResponseBody[]): string {
  return unescapeForDisplay(messages.flatMap((m) => blockTexts(m)).join("\n"));
}

/** The one file uploaded through the external flow among `calls`: its name, bytes and channel. */
function uploadedFile(calls: readonly ApiCall[]): {
  filename: string;
  bytes: Buffer;
  channel: string;
} {
  const methods = calls.map((c) => c.method).filter((m) => m.startsWith("files."));
  expect(methods).toEqual(["files.getUploadURLExternal", "files.completeUploadExternal"]);
  const asked = defined(
    calls.find((c) => c.method === "files.getUploadURLExternal"),
    "files.getUploadURLExternal",
  );
  const complete = defined(
    calls.find((c) => c.method === "files.completeUploadExternal"),
    "files.completeUploadExternal",
  );
  expect(asked.token).toBe(BOT_TOKEN);
  const [file] = JSON.parse(complete.params.files ?? "[]") as { id: string; title?: string }[];
  const upload = defined(
    fake.uploads.find((u) => u.fileId === file?.id),
    "the uploaded bytes",
  );
  expect(asked.params.length).toBe(String(upload.bytes.length));
  expect(file?.title).toBe(asked.params.filename);
  return {
    filename: asked.params.filename ?? "",
    bytes: upload.bytes,
    channel: complete.params.channel_id ?? "",
  };
}

function pillar(id: string): MapNode {
  return defined(
    core.corpus.nodesOfKind("pillar").find((p) => p.id === id),
    `pillar ${id}`,
  );
}

/** Objections the map places in a pillar, or aims at the pillar or anything in it. */
function objectionsOf(target: MapNode): MapNode[] {
  return core.corpus
    .nodesOfKind("objection")
    .filter(
      (o) =>
        o.pillar === target.key ||
        core.corpus
          .outgoing(o.key, "attacks", "undercuts")
          .some((t) => t === target || t.pillar === target.key),
    );
}

/** The objection a drill question names in its prompt. */
function askedObjection(message: SlackResponseBody): MapNode {
  const label = /\*Your answer to “(.+)”\* _\(our question\)_/.exec(allText([message]))?.[1];
  return defined(
    core.corpus.nodesOfKind("objection").find((o) => o.label === label),
    `the objection labelled ${label}`,
  );
}

function tokenOf(value: string): string {
  return String((JSON.parse(value) as { o: { token: string } }).o.token);
}

function tamper(token: string): string {
  const at = 20;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
}

// ---------------------------------------------------------------------------------------------

describe("Slack: /map and /export", () => {
  it("/map focus:coalition depth:2 --public uploads the PNG to the channel through the external flow, and cites the focus verbatim", async () => {
    const { ack, messages, calls } = await slash("/map", "focus:coalition depth:2 --public");
    // An expensive command: the ack goes out empty at once, the answer follows.
    expect(ack).toBeUndefined();
    const file = uploadedFile(calls);
    expect(file.filename).toBe("argument-map.png");
    expect(file.channel).toBe(FAKE_CHANNEL);
    expect(isPng(file.bytes)).toBe(true);
    expect(file.bytes.length).toBeGreaterThan(20_000);
    expect(file.bytes.length).toBeLessThan(10 * 1024 * 1024);
    const { width, height } = decodePng(file.bytes);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);

    const expected = await run("map", { focus: "coalition", depth: 2 });
    const picture = defined(expected.attachments?.[0], "the map's picture");
    expect(file.bytes.equals(Buffer.from(picture.data))).toBe(true);
    const complete = calls.find((c) => c.method === "files.completeUploadExternal");
    expect(JSON.parse(complete?.params.files ?? "[]")[0]).toMatchObject({
      title: "argument-map.png",
    });

    const note = `argument-map.png (${picture.description} — our description): posted in this channel`;
    expectRenderedFrom(expected, { ack, messages }, { isPublic: true, attachmentNotes: [note] });
    expectSafe(messages);
    expect(messages[0]?.blocks?.[0]?.text?.text).toBe(
      "Argument map around: Coalition of the willing as a transition, not a substitute",
    );
    expect(allText(messages)).toContain("📎 argument-map.png (Argument map (our drawing) around");
    const quotes = expectVerbatimCitedQuotes(messages);
    expect(quotes.length).toBeGreaterThanOrEqual(1);
    const shown = squash(quotes.map((q) => q.text).join(" "));
    for (const quote of pillar("coalition").quotes) expect(shown).toContain(squash(quote.text));
  });

  it("/export format:argdown uploads the Argdown text: a header, then a section per pillar", async () => {
    const { ack, messages, calls } = await slash("/export", "format:argdown");
    // Files are uploaded before the answer that names them: the ack went out empty first.
    expect(ack).toBeUndefined();
    const file = uploadedFile(calls);
    expect(file.filename).toBe("argument-map.argdown");
    expect(file.channel).toBe(`D${FAKE_USER}`);
    const text = file.bytes.toString("utf8");
    expect(text).toBe(exportMap(core.corpus, "argdown").text);
    expect(text.startsWith("// Argument map exported by the debate-prep assistant.\n")).toBe(true);
    for (const p of core.corpus.nodesOfKind("pillar"))
      expect(text).toContain(`\n# Pillar: ${p.label}\n`);

    const expected = await run("export", { format: "argdown" });
    const description = defined(expected.attachments?.[0], "the export").description;
    expectRenderedFrom(
      expected,
      { ack, messages },
      {
        isPublic: false,
        attachmentNotes: [
          `argument-map.argdown (${description} — our description): sent to you in a direct message from the app`,
        ],
      },
    );
    expectSafe(messages);
  });
});

describe("Slack: /card, /brief and /quote", () => {
  it("/card query:memorandum of understanding: the verbatim card body with the key sentence in bold, the cite, and the copy text", async () => {
    const { ack, messages, calls } = await slash("/card", "query:memorandum of understanding");
    expect(messages[0]).toBe(ack);
    expect(calls.filter((c) => c.method.startsWith("files."))).toEqual([]);
    const card = await run("card", { query: "memorandum of understanding" });
    expectRenderedFrom(card, { ack, messages }, { isPublic: false, attachmentNotes: [] });
    expectSafe(messages);

    const [quote, ...others] = expectVerbatimCitedQuotes(messages);
    expect(others).toEqual([]);
    expect(quote?.paragraph).toBe(13);
    expect(quote?.text).toContain(KEY_SENTENCE);
    // Bold in Slack's markup: the key sentence alone, between asterisks.
    const section = quote?.sections[0] ?? "";
    expect(section).toContain(`*${escapeSlack(KEY_SENTENCE)}*`);
    expect(section.match(/\*/g)?.length).toBe(4); // the label's pair and the key sentence's pair
    expect(
      section.startsWith("*1. Tag: The JEF rests on an MoU, not a treaty* _(our label)_\n>“… "),
    ).toBe(true);
    const cite = blockTexts(messages[0] as SlackResponseBody).find((t) => t.startsWith("— "));
    expect(cite).toMatch(
      /^— Anisova, ELN, 6 Dec 2023, ¶13 · .+ · <https:\/\/www\.europeanleadershipnetwork\.org\/[^|]+\|source, ¶13>$/,
    );

    expect(copyText(messages)).toBe(card.copyText);
    expect(card.copyText).toContain("CITE: Anisova, ELN, 6 Dec 2023, ¶13");
    expect(card.copyText).toContain(`KEY LINE (verbatim): “${KEY_SENTENCE}”`);
  });

  it("/brief side:against motion:coalition lists every objection of the pillar and the unanswered ones as ours; the long copy comes as brief.txt", async () => {
    const brief = await run("brief", { side: "against", motion: "coalition" });
    const note = `brief.txt (${COPY_TITLE} — our description): sent to you in a direct message from the app`;
    const pages = renderAnswer(brief, { isPublic: false }).messages([note]).length;
    const { ack, messages, calls } = await slash("/brief", "side:against motion:coalition", pages);
    // The long copy goes as a file first, so the ack went out empty.
    expect(ack).toBeUndefined();
    expectRenderedFrom(brief, { ack, messages }, { isPublic: false, attachmentNotes: [note] });
    expectSafe(messages);
    expect(messages[0]?.blocks?.[0]?.text?.text).toBe(
      "Brief against “coalition”: objections, answers and open points",
    );
    expect(expectVerbatimCitedQuotes(messages)).toHaveLength(brief.excerpts.length);

    const text = allText(messages);
    const objections = objectionsOf(pillar("coalition"));
    expect(objections.length).toBeGreaterThanOrEqual(5);
    for (const objection of objections) expect(text).toContain(objection.label);
    const unanswered = core.corpus.unansweredObjections().filter((o) => objections.includes(o));
    expect(unanswered.length).toBeGreaterThan(0);
    for (const objection of unanswered)
      expect(text).toContain(
        `• Unanswered in the text (our reading, not the author's): ${objection.label}`,
      );
    expect(text).toMatch(/\*Objection 1: .+\* _\(our heading\)_/);

    const file = uploadedFile(calls);
    expect(file).toMatchObject({ filename: "brief.txt", channel: `D${FAKE_USER}` });
    expect(file.bytes.toString("utf8")).toBe(brief.copyText);
    expect(copyText(messages)).toBeUndefined();
  });

  it("/quote topic:European Israel: the ¶10 sentence verbatim, with its cite, and the line to copy", async () => {
    const { ack, messages } = await slash("/quote", "topic:European Israel");
    expect(messages).toEqual([ack]);
    const answer = await run("quote", { topic: "European Israel" });
    expectRenderedFrom(answer, { ack, messages }, { isPublic: false, attachmentNotes: [] });
    expectSafe(messages);
    const [quote, ...others] = expectVerbatimCitedQuotes(messages);
    expect(others).toEqual([]);
    expect(quote?.paragraph).toBe(10);
    expect(quote?.text).toBe(EUROPEAN_ISRAEL);
    expect(quote?.sections[0]).toContain(`>“${escapeSlack(EUROPEAN_ISRAEL)} …”`);
    expect(copyText(messages)).toBe(`“${EUROPEAN_ISRAEL}” (Anisova, ELN, 6 Dec 2023, ¶10)`);
  });
});

describe("Slack: a /drill round to the end, and forged rounds", () => {
  /**
   * Clicks an Answer button (its value), submits `reply` in the modal it opens, and resolves with
   * the messages answering it once `done` holds (by default: once the page with buttons, the last
   * page, has arrived).
   */
  async function answerRound(
    answerButton: { actionId: string; value: string },
    reply: string,
    done: (messages: SlackResponseBody[]) => boolean = (m) => m.some((p) => buttons(p).length > 0),
  ): Promise<SlackResponseBody[]> {
    const before = fake.calls.length;
    const sink = crypto.randomUUID();
    await postSigned(
      eventsUrl,
      SECRET,
      interactionBody(
        blockActionsPayload({
          actionId: answerButton.actionId,
          value: answerButton.value,
          responseUrl: fake.responseUrl(sink),
        }),
      ),
    );
    const opened = await fake.waitFor(
      () => fake.calls.slice(before).find((c) => c.method === "views.open"),
      10_000,
      "views.open",
    );
    const view = JSON.parse(opened.params.view ?? "{}") as { private_metadata: string };
    expect(tokenOf(view.private_metadata)).toBe(tokenOf(answerButton.value));
    await postSigned(
      eventsUrl,
      SECRET,
      interactionBody(
        viewSubmissionPayload({
          callbackId: REPLY_VIEW,
          privateMetadata: view.private_metadata,
          blockId: REPLY_BLOCK,
          actionId: REPLY_INPUT,
          value: reply,
        }),
      ),
    );
    return fake.waitFor(
      () => done(fake.responsesTo(sink)) && fake.responsesTo(sink),
      10_000,
      "the answer to the reply",
    );
  }

  it("reply → the author's rebuttal cards with hit/missed coaching and the copy text → Next gives a new round", async () => {
    for (const { node } of drillPool(core.corpus, pillar("coalition")).objections)
      expect(
        scoreReply(core, node, GOOD_REPLIES[node.id] ?? "").hit.length,
        node.id,
      ).toBeGreaterThan(0);

    const { messages } = await slash("/drill", "coalition");
    const question = defined(messages[0], "the drill's question");
    expectSafe([question]);
    expect(question.blocks?.[0]?.text?.text).toBe("Drill, round 1: answer this objection");
    const objection = askedObjection(question);
    expect(allText([question])).toContain(
      `• The objection (our paraphrase): ${objection.summary ?? objection.label}`,
    );
    expect(buttons(question).map((b) => b.label)).toEqual(["Answer", "Reveal the author's answer"]);
    const token = tokenOf(defined(buttons(question)[0], "the Answer button").value);
    expect(token).toMatch(/^[A-Za-z0-9_-]{28}$/);

    const reply = defined(GOOD_REPLIES[objection.id], `a good reply to ${objection.id}`);
    const beforeReveal = fake.calls.length;
    const revealed = await answerRound(
      defined(
        buttons(question).find((b) => b.actionId === "reply:open"),
        "the drill's Answer button",
      ),
      reply,
    );
    expectSafe(revealed);
    expect(revealed[0]?.blocks?.[0]?.text?.text).toBe("Drill, round 1: the author's answer");
    const text = allText(revealed);
    const score = scoreReply(core, objection, reply);
    expect(text).toContain(
      `Coaching, not a grade: your reply (${reply.split(/\s+/).length} words) used ${score.hit.length} of the ${score.hit.length + score.missed.length} key terms`,
    );
    expect(text).toContain(`Hit: ${score.hit.map((t) => t.display).join(", ")}.`);
    expect(text).toContain(
      `Missed: ${score.missed.length ? score.missed.map((t) => t.display).join(", ") : "none"}.`,
    );
    expect(text).toContain("*The author's answer* _(our heading)_");

    // The author's cards: verbatim and cited, each key line in bold; the copy text of the cards.
    const quotes = expectVerbatimCitedQuotes(revealed);
    const cards = core.corpus.rebuttalsOf(objection.key).flatMap((r) => buildCard(core, r) ?? []);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards)
      for (const body of card.bodies) {
        const shown = defined(
          quotes.find((q) => squash(q.text) === squash(body.excerpt.quote)),
          `the card body of ${card.node.id}`,
        );
        for (const highlight of body.excerpt.highlights ?? [])
          expect(shown.sections.join("\n")).toContain(`*${escapeSlack(highlight)}*`);
      }
    const copy = cards.map(cardCopyText).join("\n\n");
    const shownCopy = copyText(revealed);
    if (shownCopy === undefined) {
      // Too long to show: it went as a file to the student's direct messages.
      const file = uploadedFile(fake.calls.slice(beforeReveal));
      expect(file).toMatchObject({ filename: "drill.txt", channel: `D${FAKE_USER}` });
      expect(file.bytes.toString("utf8")).toBe(copy);
    } else expect(shownCopy).toBe(copy);

    // "Next objection" asks the next objection of the pillar, as round 2.
    const next = defined(
      revealed.flatMap(buttons).find((b) => b.label === "Next objection"),
      "the Next button",
    );
    const [round2] = await click(next);
    expect(round2?.blocks?.[0]?.text?.text).toBe("Drill, round 2: answer this objection");
    const pool = drillPool(core.corpus, pillar("coalition"));
    const expectedNext = nextInPool(
      pool,
      core.corpus.nodesOfKind("objection").indexOf(objection),
    )?.node;
    expect(expectedNext).toBeDefined();
    expect(expectedNext).not.toBe(objection);
    expect(askedObjection(round2 as SlackResponseBody)).toBe(expectedNext);
    const nextToken = tokenOf(
      defined(buttons(round2 as SlackResponseBody)[0], "round 2's Answer").value,
    );
    expect(nextToken).not.toBe(token);
  });

  it("a forged token in a button's value or in the reply modal gets a clear answer, and the app keeps serving", async () => {
    const { messages } = await slash("/drill", "coalition");
    const answerButton = defined(buttons(messages[0] as SlackResponseBody)[0], "the Answer button");
    const forged = tamper(tokenOf(answerButton.value));

    const refusals = [
      ...(await click({
        actionId: "follow-up:0",
        value: JSON.stringify({ c: "drill", o: { token: forged }, p: false }),
      })),
      ...(await answerRound(
        {
          actionId: answerButton.actionId,
          value: answerButton.value.replace(tokenOf(answerButton.value), forged),
        },
        "An answer to a forged round.",
        (arrived) => arrived.length > 0,
      )),
    ];
    expect(refusals).toHaveLength(2);
    for (const refusal of refusals) {
      expectSafe([refusal]);
      expect(refusal.response_type).toBe("ephemeral");
      expect(refusal.blocks?.[0]?.text?.text).toBe("This drill round cannot be continued");
      expect(allText([refusal])).toContain(
        "That drill token was not issued by this assistant for this reading, or it was changed.",
      );
      expect(allText([refusal])).toContain("/drill coalition");
    }
    const [cut] = await click({
      actionId: "follow-up:0",
      value: JSON.stringify({ c: "drill", o: { token: "AQADAwFr" }, p: false }),
    });
    expect(allText([cut as SlackResponseBody])).toContain(
      "That is not a drill token (it may have been cut short when copied).",
    );
    const after = await slash("/quote", "topic:European Israel");
    expect(after.messages[0]?.blocks?.[0]?.text?.text).toMatch(/^Quote: /);
  });
});
