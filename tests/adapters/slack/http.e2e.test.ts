/**
 * The real Bolt app in HTTP mode, on the shared HTTP server, against the fake Slack: signed
 * slash commands and clicks exactly as Slack sends them, answers asserted where they arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogue } from "../../../commands/index.js";
import { escapeSlack } from "../../../src/adapters/slack/escape.js";
import { REPLY_BLOCK, REPLY_INPUT, REPLY_VIEW } from "../../../src/adapters/slack/interactions.js";
import { answer } from "../../../src/core/answer.js";
import { defineCommand } from "../../../src/core/command.js";
import { findCommand } from "../../../src/core/dispatch.js";
import { executeCommand } from "../../../src/core/execute.js";
import {
  blockActionsPayload,
  FAKE_CHANNEL,
  FAKE_USER,
  interactionBody,
  postSigned,
  sign,
  slashCommandBody,
  viewSubmissionPayload,
} from "../../fakes/slack/requests.js";
import {
  type FakeSlack,
  type SlackResponseBody,
  startFakeSlack,
} from "../../fakes/slack/server.js";
import { slackFixtures, TINY_PNG } from "../../fixtures/slack/commands.js";
import { shippedCore } from "../../helpers/corpus.js";
import { type EventsServer, serveSlackEvents } from "./events-server.js";
import {
  ackMessage,
  blockTexts,
  buttons,
  defined,
  expectNoSlackMarkupFromText,
  expectWithinSlackLimits,
  type MemoryLogger,
  memoryLogger,
  quotedText,
  type SlashAnswer,
  sendSlash,
  unescapeForDisplay,
} from "./helpers.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const BOT_TOKEN = "xoxb-test-bot-token";
const core = shippedCore();
/** Ten notes of ours, ~2,500 characters each: too much for one message. */
const LONG_NOTES = Array.from(
  { length: 10 },
  (_, i) =>
    `Note ${i + 1} of 10 — ours, with <angle brackets> & ampersands: ${"argument ".repeat(270)}`,
);
const long = defineCommand({
  name: "long",
  description: "Answers with several messages' worth of notes (test fixture)",
  options: z.object({}),
  examples: ["long"],
  run: () => answer("long", "A long answer", { notes: LONG_NOTES }),
});
/** Answers only once the test opens its gate: it cannot be ready before the ack goes out. */
let openGate: () => void = () => {};
const slow = defineCommand({
  name: "slow",
  description: "Answers when the test lets it (test fixture)",
  options: z.object({}),
  examples: ["slow"],
  run: async () => {
    await new Promise<void>((resolve) => {
      openGate = resolve;
    });
    return answer("slow", "Slow but sure", { notes: ["It took a while."] });
  },
});
const commands = [...catalogue, ...slackFixtures, long, slow];

let fake: FakeSlack;
let served: EventsServer;
let log: MemoryLogger;
let eventsUrl: string;

/** The app under test on the events route, against the fake Slack. */
function serve(extra: { answerInAckWithinMs?: number } = {}): Promise<EventsServer> {
  return serveSlackEvents({
    core,
    catalogue: commands,
    logger: log.logger,
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    ...extra,
  });
}

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: BOT_TOKEN });
  log = memoryLogger();
  served = await serve();
  eventsUrl = served.url;
});

afterAll(async () => {
  await served?.close();
  await fake?.close();
});

/** Sends a signed slash command; resolves with its answer and the first message of it. */
async function slash(
  command: string,
  text: string,
  sink?: string,
): Promise<SlashAnswer & { message: SlackResponseBody }> {
  const answer = await sendSlash(fake, eventsUrl, SECRET, {
    command,
    text,
    ...(sink ? { sink } : {}),
  });
  return { ...answer, message: defined(answer.messages[0], `the answer to ${command} ${text}`) };
}

describe("Slack over HTTP: slash commands", () => {
  it("answers /why-not-jef in the ack itself: a JSON 200 whose message has verbatim, cited quotes in blocks", async () => {
    const { ack, message } = await slash("/why-not-jef", "");
    expect(ack).toBeDefined();
    expect(message).toBe(ack);
    expect(message.response_type).toBe("ephemeral");
    // An ack body is a new message: there is nothing to replace yet.
    expect(message).not.toHaveProperty("replace_original");
    expectWithinSlackLimits(message);
    expectNoSlackMarkupFromText(message);
    expect(message.blocks?.[0]).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: "Why a new coalition rather than the JEF?" },
    });

    const expected = await executeCommand(
      core,
      defined(findCommand(catalogue, "why-not-jef"), "/why-not-jef in the catalogue"),
      {},
    );
    expect(expected.excerpts.length).toBeGreaterThan(0);
    const quoteBlocks = (message.blocks ?? []).filter(
      (b) => b.type === "section" && b.text?.text.includes("\n>"),
    );
    expect(quoteBlocks).toHaveLength(expected.excerpts.length);
    expected.excerpts.forEach((excerpt, i) => {
      // Verbatim: the quote bar holds exactly the source text, escaped.
      expect(unescapeForDisplay(quotedText(defined(quoteBlocks[i], `quote block ${i}`)))).toBe(
        excerpt.quote,
      );
    });
    // Each quote is followed by its citation: short cite with ¶, section, and a link we built.
    const texts = blockTexts(message);
    for (const excerpt of expected.excerpts) {
      const cite = texts.find(
        (t) => t.startsWith("— ") && t.includes(`¶${excerpt.source.paragraph} ·`),
      );
      expect(cite).toContain(`<${excerpt.source.url}|source, ¶${excerpt.source.paragraph}>`);
    }
    // What we wrote is marked as ours.
    expect(texts.join("\n")).toContain("*Editor's notes* _(our words, not the author's)_");
    expect(texts.some((t) => t.includes("_(our heading)_"))).toBe(true);
    expect(texts.some((t) => t.includes("_(our label)_"))).toBe(true);
    expect(message.text).toContain("Why a new coalition rather than the JEF?");
  });

  it("sends the first page of a long answer in the ack and the later pages, in order, to the response_url", async () => {
    const { ack, messages, sink } = await sendSlash(
      fake,
      eventsUrl,
      SECRET,
      { command: "/long", text: "" },
      3,
    );
    expect(ack?.blocks?.[0]?.text?.text).toBe("A long answer");
    const later = fake.responsesTo(sink);
    expect(later.length).toBe(messages.length - 1);
    expect(later.length).toBeGreaterThanOrEqual(2);
    later.forEach((page, i) => {
      expect(page.response_type).toBe("ephemeral");
      expect(page.replace_original).toBe(false);
      expect(page.text).toBe(`A long answer (continued, part ${i + 2} of ${messages.length})`);
      expectWithinSlackLimits(page);
    });
    // Every note arrives, escaped, in order and nothing twice, across the pages.
    const shown = messages.flatMap(blockTexts).join("\n");
    const starts = LONG_NOTES.map((note) => shown.indexOf(escapeSlack(note.slice(0, 60))));
    expect(starts.every((at) => at >= 0)).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(shown.match(/argument/g)).toHaveLength(LONG_NOTES.length * 270);
  });

  it("answers /pillar coalition with the pillar's quotes under our group headings", async () => {
    const { message } = await slash("/pillar", "coalition");
    expectWithinSlackLimits(message);
    const texts = blockTexts(message);
    expect(message.blocks?.[0]?.text?.text).toMatch(/^Pillar: /);
    expect(texts).toContain("*The pillar* _(our heading)_");
    expect(texts).toContain("*Main claims* _(our heading)_");
    expect(buttons(message).map((b) => b.label)).toContain("Counter-arguments");
  });

  it("posts /search … --public to the channel and offers follow-up buttons that work when clicked", async () => {
    const { message } = await slash("/search", "Is NATO membership the answer? --public");
    expect(message.response_type).toBe("in_channel");
    expectWithinSlackLimits(message);
    expect(blockTexts(message).some((t) => /^Results 1–3 of \d+$/.test(t))).toBe(true);
    const next = buttons(message).find((b) => b.label === "Next results");
    expect(next).toBeDefined();

    const sink = crypto.randomUUID();
    const click = await postSigned(
      eventsUrl,
      SECRET,
      interactionBody(
        blockActionsPayload({
          actionId: defined(next, "a Next results button").actionId,
          value: defined(next, "a Next results button").value,
          responseUrl: fake.responseUrl(sink),
          isEphemeral: false,
        }),
      ),
    );
    expect(click.status).toBe(200);
    const page2 = await fake.waitFor(
      () => fake.responsesTo(sink)[0],
      10_000,
      "the follow-up answer",
    );
    expect(page2.response_type).toBe("in_channel");
    expect(page2.replace_original).toBe(false);
    expect(blockTexts(page2).some((t) => t.startsWith("Results 4–"))).toBe(true);
    expectWithinSlackLimits(page2);
  });

  it("turns unknown options into a helpful answer with suggestions", async () => {
    const { message } = await slash("/search", "--colour red JEF");
    const texts = blockTexts(message).join("\n");
    expect(texts).toContain("has no option --colour");
    expect(texts).toContain("--query");
  });

  it("answers a command Slack sends that the catalogue lacks", async () => {
    const { message } = await slash("/serch", "JEF");
    expect(message.blocks?.[0]?.text?.text).toBe("There is no /serch command");
    expect(blockTexts(message).join("\n")).toContain("/search");
  });

  it("escapes hostile text, raw or as Slack escapes it, so nothing becomes a broadcast, mention or link", async () => {
    for (const text of [
      "<!channel> & <script>alert(1)</script> <@U123> <https://evil.example|click>",
      "&lt;!channel&gt; &amp; &lt;script&gt;",
    ]) {
      const { message } = await slash("/search", text);
      expectNoSlackMarkupFromText(message);
      const all = [message.text ?? "", ...blockTexts(message)].join("\n");
      expect(all).toContain("&lt;!channel&gt; &amp; &lt;script&gt;");
      expect(all).not.toContain("<script");
    }
  });
});

describe("Slack over HTTP: the ack's deadline", () => {
  it("acks empty when the answer is not ready in time, then posts it to the response_url", async () => {
    const hurried = await serve({ answerInAckWithinMs: 50 });
    try {
      // The answer waits for the gate, and the gate opens only after the ack came back: an
      // adapter that held the ack for the answer would never answer, and the test would fail.
      const sink = crypto.randomUUID();
      const reply = await postSigned(
        hurried.url,
        SECRET,
        slashCommandBody({ command: "/slow", text: "", responseUrl: fake.responseUrl(sink) }),
      );
      expect(reply.status).toBe(200);
      expect(ackMessage(reply)).toBeUndefined();
      expect(fake.responsesTo(sink)).toEqual([]);
      openGate();
      const messages = await fake.waitFor(
        () => fake.responsesTo(sink).length > 0 && fake.responsesTo(sink),
        10_000,
        "the slow answer at the response_url",
      );
      expect(messages[0]?.blocks?.[0]?.text?.text).toBe("Slow but sure");
      expect(messages[0]?.replace_original).toBe(false);
      // A cheap answer on the same adapter still comes in the ack.
      const quick = await sendSlash(fake, hurried.url, SECRET, { command: "/sources", text: "" });
      expect(quick.ack?.blocks?.[0]?.text?.text).toBe("The reading");
    } finally {
      await hurried.close();
    }
  });
});

describe("Slack over HTTP: request checks", () => {
  const body = () =>
    slashCommandBody({
      command: "/why-not-jef",
      text: "",
      responseUrl: fake.responseUrl("refused"),
    });
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses a wrong signature, a stale and a future timestamp, and missing headers with 401", async () => {
    expect((await postSigned(eventsUrl, "not-the-secret", body())).status).toBe(401);
    expect(
      (await postSigned(eventsUrl, SECRET, body(), { timestamp: now() - 6 * 60 })).status,
    ).toBe(401);
    expect(
      (await postSigned(eventsUrl, SECRET, body(), { timestamp: now() + 6 * 60 })).status,
    ).toBe(401);
    expect((await postSigned(eventsUrl, SECRET, body(), { unsigned: true })).status).toBe(401);
    expect((await postSigned(eventsUrl, SECRET, body(), { signature: "v0=abc" })).status).toBe(401);
    // A body altered after signing.
    const signed = body();
    const ts = now();
    expect(
      (
        await postSigned(eventsUrl, SECRET, signed.replace("why-not-jef", "search"), {
          timestamp: ts,
          signature: sign(SECRET, ts, signed),
        })
      ).status,
    ).toBe(401);
    // None of them reached a handler: a good request afterwards is the only one answered.
    await slash("/why-not-jef", "");
    expect(fake.responsesTo("refused")).toHaveLength(0);
    expect(
      log
        .lines()
        .filter((l) => l.msg === "Slack request refused")
        .map((l) => l.reason),
    ).toEqual(expect.arrayContaining(["bad-signature", "stale", "future", "missing-headers"]));
  });

  it("answers Slack's certificate and URL checks itself, and refuses a signed body it cannot read", async () => {
    const signedPost = async (body: string, contentType: string) => {
      const timestamp = now();
      const response = await fetch(eventsUrl, {
        method: "POST",
        headers: {
          "content-type": contentType,
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(SECRET, timestamp, body),
        },
        body,
      });
      return { status: response.status, text: await response.text() };
    };
    expect(await signedPost("ssl_check=1&token=x", "application/x-www-form-urlencoded")).toEqual({
      status: 200,
      text: "",
    });
    const challenge = await signedPost(
      JSON.stringify({ type: "url_verification", token: "x", challenge: "c-123" }),
      "application/json",
    );
    expect(challenge.status).toBe(200);
    expect(JSON.parse(challenge.text)).toEqual({ challenge: "c-123" });
    expect((await signedPost("{not json", "application/json")).status).toBe(400);
    expect(
      (await signedPost("payload=%7Bnot+json", "application/x-www-form-urlencoded")).status,
    ).toBe(400);
  });

  it("refuses oversized bodies with 413 and other methods with 405", async () => {
    const huge = `${body()}&pad=${"x".repeat(300 * 1024)}`;
    expect((await postSigned(eventsUrl, SECRET, huge)).status).toBe(413);
    expect((await fetch(eventsUrl)).status).toBe(405);
  });
});

describe("Slack over HTTP: failures, files and replies", () => {
  it("answers a throwing handler with an error and reference code in the ack, logs it, and keeps serving", async () => {
    const { ack, message } = await slash("/boom", "");
    expect(message).toBe(ack);
    const texts = blockTexts(message).join("\n");
    const reference = /ERR-[0-9A-F]{8}/.exec(texts)?.[0];
    expect(reference).toBeDefined();
    expect(message.text).toContain(reference);
    const logged = log.lines().find((l) => l.reference === reference);
    expect(logged?.msg).toBe("command failed");
    expect(JSON.stringify(logged?.err)).toContain("fixture failure: the handler threw");

    const after = await slash("/why-not-jef", "");
    expect(after.message.blocks?.[0]?.text?.text).toBe("Why a new coalition rather than the JEF?");
  });

  it("answers a failure inside the adapter (an answer it cannot render) with a reference in the ack, and keeps serving", async () => {
    const { ack, message } = await slash("/malformed", "");
    expect(message).toBe(ack);
    const reference = /ERR-[0-9A-F]{8}/.exec(blockTexts(message).join("\n"))?.[0];
    expect(reference).toBeDefined();
    expect(log.lines().find((l) => l.reference === reference)?.msg).toBe("Slack handler failed");
    const after = await slash("/pillar", "g7");
    expect(after.message.blocks?.[0]?.text?.text).toMatch(/^Pillar: /);
  });

  it("uploads attachments with the external flow: a private answer's file goes to a DM, a public one's to the channel", async () => {
    const before = fake.calls.length;
    const { ack, message } = await slash("/attach", "");
    // Uploads are Web API calls of unbounded length: the ack goes out empty before them.
    expect(ack).toBeUndefined();
    const calls = fake.calls.slice(before);
    const methods = calls.map((c) => c.method);
    expect(methods).toEqual(
      expect.arrayContaining([
        "conversations.open",
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
      ]),
    );
    const urlCall = calls.find((c) => c.method === "files.getUploadURLExternal");
    expect(urlCall?.params).toMatchObject({ filename: "map.png", length: String(TINY_PNG.length) });
    const complete = calls.find((c) => c.method === "files.completeUploadExternal");
    expect(complete?.params.channel_id).toBe(`D${FAKE_USER}`);
    const fileId = (JSON.parse(complete?.params.files ?? "[]") as { id: string }[])[0]?.id;
    const upload = fake.uploads.find((u) => u.fileId === fileId);
    expect(upload?.bytes.equals(TINY_PNG)).toBe(true);
    expect(blockTexts(message).join("\n")).toContain(
      "📎 map.png (Argument map of the three pillars — our description): sent to you in a direct message",
    );

    const publicBefore = fake.calls.length;
    await slash("/attach", "--public");
    const publicComplete = fake.calls
      .slice(publicBefore)
      .find((c) => c.method === "files.completeUploadExternal");
    expect(publicComplete?.params.channel_id).toBe(FAKE_CHANNEL);
  });

  it("collects a reply through a modal and answers it at the clicked message's response_url", async () => {
    const { message } = await slash("/practise", "--round 2");
    const texts = blockTexts(message);
    expect(texts).toContain("*Why is the JEF not enough? &lt;!channel&gt;* _(our question)_");
    const answerButton = buttons(message).find((b) => b.label === "Answer");
    expect(answerButton?.actionId).toBe("reply:open");

    const clickSink = crypto.randomUUID();
    const before = fake.calls.length;
    const click = await postSigned(
      eventsUrl,
      SECRET,
      interactionBody(
        blockActionsPayload({
          actionId: "reply:open",
          value: defined(answerButton, "an Answer button").value,
          responseUrl: fake.responseUrl(clickSink),
          triggerId: "trigger-for-modal",
        }),
      ),
    );
    expect(click.status).toBe(200);
    const opened = await fake.waitFor(
      () => fake.calls.slice(before).find((c) => c.method === "views.open"),
      10_000,
      "views.open",
    );
    expect(opened.params.trigger_id).toBe("trigger-for-modal");
    const view = JSON.parse(opened.params.view ?? "{}") as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string; element?: { max_length?: number } }[];
    };
    expect(view.callback_id).toBe(REPLY_VIEW);
    expect(view.blocks.find((b) => b.block_id === REPLY_BLOCK)?.element?.max_length).toBe(400);

    const submit = await postSigned(
      eventsUrl,
      SECRET,
      interactionBody(
        viewSubmissionPayload({
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          blockId: REPLY_BLOCK,
          actionId: REPLY_INPUT,
          value: "It is not a guarantee <!here> & has no article 5.",
        }),
      ),
    );
    expect(submit.status).toBe(200);
    const reply = await fake.waitFor(
      () => fake.responsesTo(clickSink)[0],
      10_000,
      "the answer to the reply",
    );
    expect(reply.blocks?.[0]?.text?.text).toBe("Round 2: your reply");
    expect(blockTexts(reply).join("\n")).toContain(
      "You wrote: It is not a guarantee &lt;!here&gt; &amp; has no article 5.",
    );
    expectNoSlackMarkupFromText(reply);
  });

  it("runs a real /drill round: the Answer button's modal reply reaches the drill, which reveals the author's answer", async () => {
    const { message } = await slash("/drill", "coalition");
    expect(message.blocks?.[0]?.text?.text).toMatch(/^Drill, round 1/);
    const answerButton = defined(
      buttons(message).find((b) => b.actionId === "reply:open"),
      "the drill's Answer button",
    );
    const clickSink = crypto.randomUUID();
    const before = fake.calls.length;
    await postSigned(
      eventsUrl,
      SECRET,
      interactionBody(
        blockActionsPayload({
          actionId: "reply:open",
          value: answerButton.value,
          responseUrl: fake.responseUrl(clickSink),
        }),
      ),
    );
    const opened = await fake.waitFor(
      () => fake.calls.slice(before).find((c) => c.method === "views.open"),
      10_000,
      "views.open for the drill",
    );
    const view = JSON.parse(opened.params.view ?? "{}") as { private_metadata: string };
    await postSigned(
      eventsUrl,
      SECRET,
      interactionBody(
        viewSubmissionPayload({
          callbackId: REPLY_VIEW,
          privateMetadata: view.private_metadata,
          blockId: REPLY_BLOCK,
          actionId: REPLY_INPUT,
          value: "The JEF rests on a memorandum, not a treaty, so it is not legally binding.",
        }),
      ),
    );
    const revealed = await fake.waitFor(
      () => fake.responsesTo(clickSink)[0],
      10_000,
      "the drill's reveal",
    );
    expectWithinSlackLimits(revealed);
    expect(blockTexts(revealed)).toContain("*The author's answer* _(our heading)_");
  });
});
