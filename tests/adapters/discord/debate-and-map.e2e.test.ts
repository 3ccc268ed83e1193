/**
 * The real /map, /export, /card, /brief, /quote and /drill through Discord, end to end on
 * loopback: the real discord.js client logged in to the fake Discord (gateway mode), and signed
 * HTTP interactions to the shared HTTP server (HTTP mode), both answering through the fake's REST
 * API. Assertions read what arrived at the fake: callback and webhook bodies, files, buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { escapeText } from "../../../src/adapters/discord/escape.js";
import { type DiscordGateway, startDiscordGateway } from "../../../src/adapters/discord/gateway.js";
import { LIMITS } from "../../../src/adapters/discord/limits.js";
import { renderAnswer } from "../../../src/adapters/discord/render.js";
import type { Answer } from "../../../src/core/answer.js";
import type { MapNode } from "../../../src/core/corpus/model.js";
import { buildCard, cardCopyText } from "../../../src/core/debate/card.js";
import { drillPool, nextInPool, scoreReply } from "../../../src/core/debate/drill.js";
import { exportMap } from "../../../src/core/export/formats.js";
import { COPY_TITLE } from "../../../src/core/words.js";
import { decodePng, isPng } from "../../core/map/png.js";
import { FakeDiscord, parseBody, type RecordedRequest } from "../../fakes/discord/fake-discord.js";
import { buttonClick, IDS, modalSubmit, slashCommand } from "../../fakes/discord/payloads.js";
import { GOOD_REPLIES } from "../../fixtures/drill-replies.js";
import { SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";
import { run } from "../../helpers/run.js";
import {
  buttonsIn,
  expectSafeMessage,
  expectVerbatimCitedQuotes,
  messageIn,
} from "./e2e-checks.js";
import { memoryLogger, shownQuotes, squash, unrender } from "./helpers.js";
import { type InteractionsServer, serveInteractions } from "./interactions-server.js";
import { postInteraction, testKeys } from "./signing.js";

const core = shippedCore();
const log = memoryLogger();
const keys = testKeys();
/** Long enough that the cheap commands here answer at once even on a busy machine. */
const DEFER_AFTER_MS = 2500;
const PARAGRAPH_13 = core.corpus.paragraph(SHIPPED_DOC, 13)?.text ?? "";
const KEY_SENTENCE =
  "First of all, the JEF was established by the memorandum of understanding; thus, it is not a Treaty-bound arrangement. However, as discussed earlier, it is crucial for Ukraine to have legally binding assurances.";
const EUROPEAN_ISRAEL =
  "Solely arming Ukraine to ensure its ability to resist a potential renewed Russian attack, a so-called “European Israel” scenario, is unacceptable for Ukraine.";
const TOKEN = /^[A-Za-z0-9_-]{28}$/;

let fake: FakeDiscord;
let gateway: DiscordGateway;
let served: InteractionsServer;

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 1000 });
  gateway = await startDiscordGateway({
    token: fake.token,
    apiUrl: fake.apiUrl,
    core,
    catalogue,
    logger: log.logger,
    deferAfterMs: DEFER_AFTER_MS,
  });
  served = await serveInteractions({
    publicKey: keys.publicKeyHex,
    apiUrl: fake.apiUrl,
    core,
    catalogue,
    logger: log.logger,
    deferAfterMs: DEFER_AFTER_MS,
  });
});

afterAll(async () => {
  await served?.close();
  await gateway?.stop();
  await fake?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

type Message = ReturnType<typeof messageIn>;

function finished(interaction: { id: string }) {
  return log.waitFor((line) => line.interaction === interaction.id && line.msg === "answered");
}

/** Gateway mode: dispatches the interaction and returns every request made for it, once answered. */
async function conversation(interaction: {
  id: string;
  token: string;
}): Promise<RecordedRequest[]> {
  fake.dispatch("INTERACTION_CREATE", interaction);
  await finished(interaction);
  return fake.requestsFor(interaction);
}

/** The messages among an interaction's requests (a deferral and deletions carry none). */
function messagesOf(requests: readonly RecordedRequest[]): Message[] {
  return requests
    .filter((r) => r.method !== "DELETE" && (r.json as { type?: number }).type !== 5)
    .map(messageIn);
}

/** What a reader sees in a message: titles, descriptions, field names and values, unescaped. */
function readable(messages: readonly Message[]): string {
  return messages
    .flatMap((m) => [
      m.content ?? "",
      ...m.embeds.flatMap((e) => [
        e.title ?? "",
        e.description ?? "",
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    ])
    .map(unrender)
    .join("\n");
}

/** The arrived messages are exactly what the renderer makes of the command's own answer. */
function expectRenderedFrom(result: Answer, messages: readonly Message[]): void {
  const expected = renderAnswer(result, { ephemeral: false }).messages;
  expect(messages).toHaveLength(expected.length);
  expected.forEach((message, i) => {
    const arrived = messages[i] as Message;
    expect(JSON.parse(JSON.stringify(arrived.embeds))).toEqual(
      JSON.parse(JSON.stringify(message.embeds)),
    );
    expect(JSON.parse(JSON.stringify(arrived.components))).toEqual(
      JSON.parse(JSON.stringify(message.components)),
    );
    expect(arrived.content).toBe(message.content);
  });
}

/** The text of the copy embed, fences removed. */
function copyBlockText(messages: readonly Message[]): string | undefined {
  const embed = messages.flatMap((m) => m.embeds).find((e) => e.title === COPY_TITLE);
  const description = embed?.description;
  if (description === undefined) return undefined;
  expect(description.startsWith("```\n") && description.endsWith("\n```")).toBe(true);
  return description.slice(4, -4);
}

/** Every bold run in the messages' quote fields, as a reader sees it. */
function boldRuns(messages: readonly Message[]): string[] {
  return messages
    .flatMap((m) => m.embeds)
    .flatMap((e) => e.fields ?? [])
    .flatMap((f) =>
      [...f.value.matchAll(/\*\*((?:\\.|[^*])+)\*\*/g)].map((m) => unrender(m[1] ?? "")),
    );
}

function pillar(id: string): MapNode {
  const node = core.corpus.nodesOfKind("pillar").find((p) => p.id === id);
  if (!node) throw new Error(`no pillar ${id}`);
  return node;
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

function objectionLabelled(label: string): MapNode {
  const node = core.corpus.nodesOfKind("objection").find((o) => o.label === label);
  if (!node) throw new Error(`no objection labelled ${label}`);
  return node;
}

/** The objection a drill question names in its prompt (our words, echoed in the description). */
function askedObjection(message: Message): MapNode {
  const prompt = /Your answer to “(.+)”/.exec(unrender(message.embeds[0]?.description ?? ""));
  return objectionLabelled(prompt?.[1] ?? "");
}

function tamper(token: string): string {
  const at = 20;
  const swapped = token[at] === "A" ? "B" : "A";
  return `${token.slice(0, at)}${swapped}${token.slice(at + 1)}`;
}

/** HTTP mode: POSTs an interaction signed like Discord signs it; returns the parsed response. */
async function send(payload: unknown): Promise<{ json: unknown; files: RecordedRequest["files"] }> {
  const response = await postInteraction(served.url, keys, JSON.stringify(payload));
  expect(response.status).toBe(200);
  const parsed = await parseBody(
    Buffer.from(await response.arrayBuffer()),
    response.headers.get("content-type") ?? undefined,
  );
  return { json: parsed.body, files: parsed.files };
}

function callbackMessage(json: unknown): Message {
  return messageIn({ path: "/x/callback", json } as RecordedRequest);
}

/** HTTP mode: the answer's messages, the response's first and any follow-ups, once answered. */
async function sendForAnswer(interaction: { id: string; token: string }): Promise<Message[]> {
  const sent = await send(interaction);
  await finished(interaction);
  const first = (sent.json as { type: number }).type === 4 ? [callbackMessage(sent.json)] : [];
  return [...first, ...messagesOf(fake.requestsFor(interaction))];
}

// ---------------------------------------------------------------------------------------------

describe("Discord gateway: /map and /export", () => {
  it("/map focus:coalition depth:2 defers at once, then edits in the PNG and the focus's quotes, verbatim and cited", async () => {
    const interaction = slashCommand("map", { focus: "coalition", depth: 2 });
    const requests = await conversation(interaction);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /interactions/${interaction.id}/${interaction.token}/callback`,
      `PATCH /webhooks/${IDS.application}/${interaction.token}/messages/@original`,
    ]);
    expect(requests[0]?.json).toEqual({ type: 5, data: { flags: 0 } });
    const edit = requests[1] as RecordedRequest;
    expect(edit.contentType).toMatch(/^multipart\/form-data; boundary=/);

    const expected = await run("map", { focus: "coalition", depth: 2 });
    const picture = expected.attachments?.[0];
    expect(edit.files).toHaveLength(1);
    const [file] = edit.files;
    expect(file).toMatchObject({
      field: "files[0]",
      filename: "argument-map.png",
      contentType: "image/png",
    });
    const bytes = file?.bytes ?? Buffer.alloc(0);
    expect(isPng(bytes)).toBe(true);
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    const { width, height } = decodePng(bytes);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);
    expect(bytes.equals(Buffer.from(picture?.data ?? []))).toBe(true);
    expect((edit.json as { attachments: unknown }).attachments).toEqual([
      { id: "0", description: picture?.description.slice(0, 1024) },
    ]);

    const message = messageIn(edit);
    expectSafeMessage(message);
    expectRenderedFrom(expected, [message]);
    expect(message.embeds[0]?.image).toEqual({ url: "attachment://argument-map.png" });
    expect(message.embeds[0]?.title).toBe(
      "Argument map around: Coalition of the willing as a transition, not a substitute",
    );
    expect(unrender(message.embeds[0]?.description ?? "")).toContain(
      "*Attached: argument-map.png — our description:* Argument map (our drawing) around “Coalition of the willing",
    );
    // The focus's own quotes, verbatim from their paragraph, with the link.
    expect(expectVerbatimCitedQuotes(core, [message])).toBeGreaterThanOrEqual(1);
    const shown = squash(
      shownQuotes([message])
        .map((q) => q.text)
        .join(" "),
    );
    for (const quote of pillar("coalition").quotes) expect(shown).toContain(squash(quote.text));
    expect(buttonsIn(message).map((b) => b.label)).toEqual(expected.followUps.map((f) => f.label));
  });

  it("/export format:argdown sends the Argdown file itself: a header, then a section per pillar", async () => {
    const interaction = slashCommand("export", { format: "argdown" });
    const [callback, ...more] = await conversation(interaction);
    expect(more).toEqual([]);
    expect(callback?.contentType).toMatch(/^multipart\/form-data/);
    expect(callback?.json).toMatchObject({ type: 4 });
    expect(callback?.files.map((f) => f.filename)).toEqual(["argument-map.argdown"]);
    const text = callback?.files[0]?.bytes.toString("utf8") ?? "";
    expect(text).toBe(exportMap(core.corpus, "argdown").text);
    expect(text.startsWith("// Argument map exported by the debate-prep assistant.\n")).toBe(true);
    for (const p of core.corpus.nodesOfKind("pillar"))
      expect(text).toMatch(new RegExp(`^# Pillar: ${p.label.replace(/[()]/g, "\\$&")}$`, "m"));
    const message = messageIn(callback as RecordedRequest);
    expectSafeMessage(message);
    expectRenderedFrom(await run("export", { format: "argdown" }), [message]);
    expect(message.embeds[0]?.title).toBe("Export: Argdown");
  });
});

describe("Discord gateway: /card, /brief and /quote", () => {
  it("/card query:memorandum of understanding: the verbatim card body with the key sentence in bold, the cite, and the copy text", async () => {
    const interaction = slashCommand("card", { query: "memorandum of understanding" });
    const requests = await conversation(interaction);
    const messages = messagesOf(requests);
    expect(messages).toHaveLength(1);
    const message = messages[0] as Message;
    expectSafeMessage(message);
    const card = await run("card", { query: "memorandum of understanding" });
    expectRenderedFrom(card, messages);

    const [quote] = shownQuotes(messages);
    expect(quote?.paragraph).toBe(13);
    expect(expectVerbatimCitedQuotes(core, messages)).toBe(1);
    const body = (quote?.text ?? "").replace(/^… /, "").replace(/ …$/, "");
    expect(PARAGRAPH_13).toContain(body);
    expect(body).toContain(KEY_SENTENCE);
    expect(quote?.text.startsWith("… ")).toBe(true);
    // The key sentence in Discord's bold, nothing else.
    expect(boldRuns(messages)).toEqual([KEY_SENTENCE]);
    const field = message.embeds.flatMap((e) => e.fields ?? [])[0];
    expect(field?.value).toContain(`**${escapeText(KEY_SENTENCE, false)}**`);
    expect(field?.value).toMatch(
      /\n— \[Anisova, ELN, 6 Dec 2023, ¶13\]\(https:\/\/www\.europeanleadershipnetwork\.org\/[^)]+\) · /,
    );
    expect(field?.name).toBe("1. Tag: The JEF rests on an MoU, not a treaty (our label)");

    // The copy text, as the command wrote it, in a code block marked as ours.
    const copy = copyBlockText(messages);
    expect(copy).toBe(card.copyText);
    expect(copy).toContain(
      "TAG (our words, not the author's): The JEF rests on an MoU, not a treaty",
    );
    expect(copy).toContain("CITE: Anisova, ELN, 6 Dec 2023, ¶13");
    expect(copy).toContain(`KEY LINE (verbatim): “${KEY_SENTENCE}”`);
  });

  it("/brief side:against motion:coalition lists every objection of the pillar, and the unanswered ones as our reading", async () => {
    const interaction = slashCommand("brief", { side: "against", motion: "coalition" });
    const requests = await conversation(interaction);
    const messages = messagesOf(requests);
    for (const message of messages) expectSafeMessage(message);
    const brief = await run("brief", { side: "against", motion: "coalition" });
    expectRenderedFrom(brief, messages);
    expect(messages[0]?.embeds[0]?.title).toBe(
      "Brief against “coalition”: objections, answers and open points",
    );
    expect(expectVerbatimCitedQuotes(core, messages)).toBe(brief.excerpts.length);

    const text = readable(messages);
    const objections = objectionsOf(pillar("coalition"));
    expect(objections.length).toBeGreaterThanOrEqual(5);
    for (const objection of objections) expect(text).toContain(objection.label);
    const unanswered = core.corpus.unansweredObjections().filter((o) => objections.includes(o));
    expect(unanswered.length).toBeGreaterThan(0);
    for (const objection of unanswered)
      expect(text).toContain(
        `Unanswered in the text (our reading, not the author's): ${objection.label}`,
      );
    // Answered objections head their group, marked as our heading.
    const headings = messages.flatMap((m) => m.embeds).map((e) => unrender(e.title ?? ""));
    expect(headings.some((h) => /^Objection 1: .+ \(our heading\)$/.test(h))).toBe(true);

    // The copy of every card is too long for a code block: it arrives as brief.txt.
    const first = requests.find((r) => r.files.length > 0);
    expect(first?.files.map((f) => f.filename)).toEqual(["brief.txt"]);
    expect(first?.files[0]?.bytes.toString("utf8")).toBe(brief.copyText);
  });

  it("/quote topic:European Israel: the ¶10 sentence verbatim, with its cite, and the line to copy", async () => {
    const interaction = slashCommand("quote", { topic: "European Israel" });
    const messages = messagesOf(await conversation(interaction));
    expect(messages).toHaveLength(1);
    expectSafeMessage(messages[0] as Message);
    expectRenderedFrom(await run("quote", { topic: "European Israel" }), messages);
    const [quote] = shownQuotes(messages);
    expect(quote?.paragraph).toBe(10);
    expect(quote?.text).toBe(`${EUROPEAN_ISRAEL} …`);
    expect(core.corpus.paragraph(SHIPPED_DOC, 10)?.text.startsWith(EUROPEAN_ISRAEL)).toBe(true);
    expect(expectVerbatimCitedQuotes(core, messages)).toBe(1);
    expect(copyBlockText(messages)).toBe(`“${EUROPEAN_ISRAEL}” (Anisova, ELN, 6 Dec 2023, ¶10)`);
  });
});

describe("Discord gateway: a /drill round through the real client", () => {
  it("objection → Answer → modal → reply → the author's answer with hit/missed coaching → Next → a new round", async () => {
    // The first objection is drawn at random: every one the round may ask has a good reply that scores.
    for (const { node } of drillPool(core.corpus, pillar("coalition")).objections)
      expect(
        scoreReply(core, node, GOOD_REPLIES[node.id] ?? "").hit.length,
        node.id,
      ).toBeGreaterThan(0);
    const asked = messagesOf(await conversation(slashCommand("drill", { pillar: "coalition" })));
    expect(asked).toHaveLength(1);
    const question = asked[0] as Message;
    expectSafeMessage(question);
    expect(question.embeds[0]?.title).toBe("Drill, round 1: answer this objection");
    const objection = askedObjection(question);
    expect(readable(asked)).toContain(
      `The objection (our paraphrase): ${objection.summary ?? objection.label}`,
    );
    const buttons = buttonsIn(question);
    expect(buttons.map((b) => b.label)).toEqual(["Answer", "Reveal the author's answer"]);
    const token = /\|token=(.+)$/.exec(buttons[0]?.customId ?? "")?.[1] ?? "";
    expect(token).toMatch(TOKEN);
    expect(buttons.map((b) => b.customId)).toEqual([
      `dp1|r|drill|reply|token=${token}`,
      `dp1|f|drill|token=${token}`,
    ]);

    // The Answer button opens a modal carrying the round in its custom_id.
    const opened = await fake.interact(buttonClick(buttons[0]?.customId ?? ""));
    const modal = opened.json as {
      type: number;
      data: {
        custom_id: string;
        title: string;
        components: { components: Record<string, unknown>[] }[];
      };
    };
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe(`dp1|m|drill|reply|token=${token}`);
    expect(modal.data.title).toBe("/drill: your answer");
    const input = modal.data.components[0]?.components[0];
    expect(input).toMatchObject({ type: 4, custom_id: "reply", required: true, max_length: 1500 });
    expect(String(input?.label).length).toBeLessThanOrEqual(LIMITS.textInputLabel);

    // The reply goes through the modal submission; the reveal answers it.
    const reply = GOOD_REPLIES[objection.id] ?? "";
    expect(reply).not.toBe("");
    const revealed = messagesOf(await conversation(modalSubmit(modal.data.custom_id, { reply })));
    for (const message of revealed) expectSafeMessage(message);
    expect(revealed[0]?.embeds[0]?.title).toBe("Drill, round 1: the author's answer");
    const text = readable(revealed);
    const score = scoreReply(core, objection, reply);
    expect(score.hit.length).toBeGreaterThan(0);
    expect(text).toContain(
      `Coaching, not a grade: your reply (${reply.split(/\s+/).length} words) used ${score.hit.length} of the ${score.hit.length + score.missed.length} key terms`,
    );
    expect(text).toContain(`Hit: ${score.hit.map((t) => t.display).join(", ")}.`);
    expect(text).toContain(
      `Missed: ${score.missed.length ? score.missed.map((t) => t.display).join(", ") : "none"}.`,
    );
    const headings = revealed.flatMap((m) => m.embeds).map((e) => e.title ?? "");
    expect(headings).toContain("The author's answer (our heading)");

    // The author's rebuttal cards: verbatim, cited, key lines in bold, and the copy text.
    expect(expectVerbatimCitedQuotes(core, revealed)).toBeGreaterThanOrEqual(1);
    const cards = core.corpus.rebuttalsOf(objection.key).flatMap((r) => buildCard(core, r) ?? []);
    expect(cards.length).toBeGreaterThan(0);
    const shown = shownQuotes(revealed).map((q) => squash(q.text));
    const bold = squash(boldRuns(revealed).join(" "));
    for (const card of cards)
      for (const body of card.bodies) {
        expect(shown.some((s) => s.includes(squash(body.excerpt.quote)))).toBe(true);
        for (const highlight of body.excerpt.highlights ?? [])
          expect(bold).toContain(squash(highlight));
      }
    const copy = cards.map(cardCopyText).join("\n\n");
    const file = revealed[0] && (await fileOf(revealed, "drill.txt"));
    expect(copyBlockText(revealed) ?? file).toBe(copy);

    // "Next objection" starts round 2 with the next objection of the pillar.
    const next = buttonsIn(revealed.at(-1) as Message).find((b) => b.label === "Next objection");
    expect(next?.customId).toMatch(/^dp1\|f\|drill\|token=[A-Za-z0-9_-]{28}$/);
    const round2 = messagesOf(await conversation(buttonClick(next?.customId ?? "")));
    expect(round2[0]?.embeds[0]?.title).toBe("Drill, round 2: answer this objection");
    const pool = drillPool(core.corpus, pillar("coalition"));
    expect(pool.objections.length).toBeGreaterThan(1);
    const expectedNext = nextInPool(
      pool,
      core.corpus.nodesOfKind("objection").indexOf(objection),
    )?.node;
    expect(askedObjection(round2[0] as Message)).toBe(expectedNext);
    expect(expectedNext).not.toBe(objection);
    const nextToken = /\|token=(.+)$/.exec(buttonsIn(round2[0] as Message)[0]?.customId ?? "")?.[1];
    expect(nextToken).toMatch(TOKEN);
    expect(nextToken).not.toBe(token);
  });

  it("a tampered drill token in a button or a modal gets a clear private answer, and the client stays up", async () => {
    const question = messagesOf(
      await conversation(slashCommand("drill", { pillar: "coalition" })),
    )[0];
    const token =
      /\|token=(.+)$/.exec(buttonsIn(question as Message)[0]?.customId ?? "")?.[1] ?? "";
    const forged = tamper(token);
    expect(forged).not.toBe(token);

    for (const interaction of [
      buttonClick(`dp1|f|drill|token=${forged}`),
      modalSubmit(`dp1|m|drill|reply|token=${forged}`, { reply: "A reply to a forged round." }),
    ]) {
      const [message, ...rest] = messagesOf(await conversation(interaction));
      expect(rest).toEqual([]);
      expectSafeMessage(message as Message);
      expect(message?.flags).toBe(64);
      expect(message?.embeds[0]?.title).toBe("This drill round cannot be continued");
      expect(unrender(message?.embeds[0]?.description ?? "")).toContain(
        "That drill token was not issued by this assistant for this reading, or it was changed.",
      );
      expect(unrender(message?.embeds[0]?.description ?? "")).toContain("/drill coalition");
    }
    const [cut] = messagesOf(await conversation(buttonClick("dp1|f|drill|token=AQADAwFr")));
    expect(unrender(cut?.embeds[0]?.description ?? "")).toContain(
      "That is not a drill token (it may have been cut short when copied).",
    );
    expect(gateway.client.isReady()).toBe(true);
  });
});

/** The text of a file named `name` among the requests that carried `messages` (undefined if none). */
async function fileOf(messages: readonly Message[], name: string): Promise<string | undefined> {
  const bodies = new Set(messages.map((m) => JSON.stringify(m.embeds)));
  const request = fake.requests.find(
    (r) =>
      r.files.some((f) => f.filename === name) && bodies.has(JSON.stringify(messageIn(r).embeds)),
  );
  return request?.files.find((f) => f.filename === name)?.bytes.toString("utf8");
}

describe("Discord HTTP interactions: the same commands over signed requests", () => {
  it("/map is deferred in the response, then the PNG is PATCHed to the REST API as multipart", async () => {
    const interaction = slashCommand("map", { focus: "coalition", depth: 2 });
    const sent = await send(interaction);
    expect(sent.json).toEqual({ type: 5, data: {} });
    await finished(interaction);
    const [edit, ...rest] = fake.requestsFor(interaction);
    expect(rest).toEqual([]);
    expect(edit?.method).toBe("PATCH");
    expect(edit?.path).toBe(`/webhooks/${IDS.application}/${interaction.token}/messages/@original`);
    const file = edit?.files[0];
    expect(file).toMatchObject({ filename: "argument-map.png", contentType: "image/png" });
    expect(isPng(file?.bytes ?? Buffer.alloc(0))).toBe(true);
    const message = messageIn(edit as RecordedRequest);
    expectSafeMessage(message);
    expect(message.embeds[0]?.image).toEqual({ url: "attachment://argument-map.png" });
    expect(expectVerbatimCitedQuotes(core, [message])).toBeGreaterThanOrEqual(1);
  });

  it("/card answers in the HTTP response itself, with the bold key sentence and the copy text", async () => {
    const sent = await send(slashCommand("card", { query: "memorandum of understanding" }));
    expect((sent.json as { type: number }).type).toBe(4);
    expect(sent.files).toEqual([]);
    const message = callbackMessage(sent.json);
    expectSafeMessage(message);
    expectRenderedFrom(await run("card", { query: "memorandum of understanding" }), [message]);
    expect(boldRuns([message])).toEqual([KEY_SENTENCE]);
    expect(copyBlockText([message])).toContain("CITE: Anisova, ELN, 6 Dec 2023, ¶13");
  });

  it("/brief and /export send their files in a multipart HTTP response", async () => {
    const brief = await send(slashCommand("brief", { side: "against", motion: "coalition" }));
    expect(brief.files.map((f) => f.filename)).toEqual(["brief.txt"]);
    expect(brief.files[0]?.bytes.toString("utf8")).toBe(
      (await run("brief", { side: "against", motion: "coalition" })).copyText,
    );
    const exported = await send(slashCommand("export", { format: "argdown" }));
    expect(exported.files.map((f) => f.filename)).toEqual(["argument-map.argdown"]);
    expect(exported.files[0]?.bytes.toString("utf8")).toBe(exportMap(core.corpus, "argdown").text);
  });

  it("a /drill round: Answer → modal → reply → reveal → Next; a forged token is refused", async () => {
    const [question] = await sendForAnswer(slashCommand("drill", { pillar: "coalition" }));
    expect(question?.embeds[0]?.title).toBe("Drill, round 1: answer this objection");
    const objection = askedObjection(question as Message);
    const [answerButton] = buttonsIn(question as Message);
    const opened = (await send(buttonClick(answerButton?.customId ?? ""))).json as {
      type: number;
      data: { custom_id: string };
    };
    expect(opened.type).toBe(9);
    const reply = GOOD_REPLIES[objection.id] ?? "";
    const revealed = await sendForAnswer(modalSubmit(opened.data.custom_id, { reply }));
    for (const message of revealed) expectSafeMessage(message);
    expect(revealed[0]?.embeds[0]?.title).toBe("Drill, round 1: the author's answer");
    expect(expectVerbatimCitedQuotes(core, revealed)).toBeGreaterThanOrEqual(1);
    const score = scoreReply(core, objection, reply);
    expect(readable(revealed)).toContain(`Hit: ${score.hit.map((t) => t.display).join(", ")}.`);
    const next = buttonsIn(revealed.at(-1) as Message).find((b) => b.label === "Next objection");
    const [round2] = await sendForAnswer(buttonClick(next?.customId ?? ""));
    expect(round2?.embeds[0]?.title).toBe("Drill, round 2: answer this objection");

    const token = /\|token=(.+)$/.exec(next?.customId ?? "")?.[1] ?? "";
    const [refused] = await sendForAnswer(buttonClick(`dp1|f|drill|token=${tamper(token)}`));
    expect(refused?.flags).toBe(64);
    expect(refused?.embeds[0]?.title).toBe("This drill round cannot be continued");
  });
});
