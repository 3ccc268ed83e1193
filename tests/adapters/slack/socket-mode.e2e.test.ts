/**
 * The real Bolt app in Socket Mode against the fake Slack: apps.connections.open hands out a
 * loopback WebSocket, which says hello, delivers a `slash_commands` envelope and receives the
 * app's ack by envelope_id, with the answer as the ack's payload; a button's answer arrives at
 * the response_url sink.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { type SlackAdapter, startSlackSocketMode } from "../../../src/adapters/slack/app.js";
import { findCommand } from "../../../src/core/dispatch.js";
import { executeCommand } from "../../../src/core/execute.js";
import { blockActionsPayload, slashCommandPayload } from "../../fakes/slack/requests.js";
import {
  type FakeSlack,
  type SlackResponseBody,
  startFakeSlack,
} from "../../fakes/slack/server.js";
import { slackFixtures } from "../../fixtures/slack/commands.js";
import { shippedCore } from "../../helpers/corpus.js";
import {
  blockTexts,
  buttons,
  defined,
  expectNoSlackMarkupFromText,
  expectWithinSlackLimits,
  memoryLogger,
  quotedText,
  unescapeForDisplay,
} from "./helpers.js";

const BOT_TOKEN = "xoxb-socket-bot";
const APP_TOKEN = "xapp-1-socket-app";

let fake: FakeSlack;
let adapter: SlackAdapter | undefined;

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  adapter = await startSlackSocketMode({
    core: shippedCore(),
    catalogue: [...catalogue, ...slackFixtures],
    logger: memoryLogger().logger,
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    apiUrl: fake.apiUrl,
  });
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe("Slack in Socket Mode", () => {
  it("opens the connection through apps.connections.open with the app-level token", () => {
    const open = fake.calls.find((c) => c.method === "apps.connections.open");
    expect(open?.token).toBe(APP_TOKEN);
    expect(fake.socketConnections()).toBe(1);
  });

  it("acks a slash_commands envelope by its id with /why-not-jef's answer as the ack's payload", async () => {
    const sink = crypto.randomUUID();
    const ack = await fake.sendEnvelope(
      "slash_commands",
      slashCommandPayload({
        command: "/why-not-jef",
        text: "",
        responseUrl: fake.responseUrl(sink),
      }),
    );
    expect(ack.envelope_id).toMatch(/^[0-9a-f-]{36}$/);
    const message = defined(
      ack.payload as SlackResponseBody | undefined,
      "the answer in the ack's payload",
    );
    expect(message).not.toHaveProperty("replace_original");
    expect(message.response_type).toBe("ephemeral");
    expect(message.blocks?.[0]?.text?.text).toBe("Why a new coalition rather than the JEF?");
    const expected = await executeCommand(
      shippedCore(),
      defined(findCommand(catalogue, "why-not-jef"), "/why-not-jef"),
      {},
    );
    const quotes = (message.blocks ?? [])
      .filter((b) => b.type === "section" && b.text?.text.includes("\n>"))
      .map((b) => unescapeForDisplay(quotedText(b)));
    expect(quotes).toEqual(expected.excerpts.map((e) => e.quote));
    expectWithinSlackLimits(message);
    expectNoSlackMarkupFromText(message);
  });

  it("handles a button click delivered as an interactive envelope", async () => {
    const first = crypto.randomUUID();
    const acked = await fake.sendEnvelope(
      "slash_commands",
      slashCommandPayload({ command: "/pillar", text: "eu", responseUrl: fake.responseUrl(first) }),
    );
    const message = defined(acked.payload as SlackResponseBody | undefined, "the /pillar answer");
    const g7 = buttons(message).find((b) => b.label === "Pillar: g7");
    expect(g7).toBeDefined();

    const second = crypto.randomUUID();
    const ack = await fake.sendEnvelope(
      "interactive",
      blockActionsPayload({
        actionId: defined(g7, "a Pillar: g7 button").actionId,
        value: defined(g7, "a Pillar: g7 button").value,
        responseUrl: fake.responseUrl(second),
      }),
    );
    expect(ack.envelope_id).toBeDefined();
    const answer = await fake.waitFor(
      () => fake.responsesTo(second)[0],
      10_000,
      "the follow-up answer",
    );
    expect(answer.blocks?.[0]?.text?.text).toMatch(/^Pillar: .*G7/i);
  });

  it("keeps serving after a handler fails", async () => {
    const failed = crypto.randomUUID();
    const failedAck = await fake.sendEnvelope(
      "slash_commands",
      slashCommandPayload({ command: "/boom", text: "", responseUrl: fake.responseUrl(failed) }),
    );
    const error = defined(failedAck.payload as SlackResponseBody | undefined, "the error answer");
    expect(blockTexts(error).join("\n")).toMatch(/ERR-[0-9A-F]{8}/);

    const next = crypto.randomUUID();
    const nextAck = await fake.sendEnvelope(
      "slash_commands",
      slashCommandPayload({
        command: "/search",
        text: "PESCO third states",
        responseUrl: fake.responseUrl(next),
      }),
    );
    const answer = defined(nextAck.payload as SlackResponseBody | undefined, "the next answer");
    expect(answer.blocks?.[0]?.text?.text).toContain("PESCO third states");
  });

  it("disconnects on stop", async () => {
    await adapter?.stop();
    adapter = undefined;
    await fake.waitFor(
      () => fake.socketConnections() === 0 || undefined,
      5_000,
      "the socket to close",
    );
    expect(fake.socketConnections()).toBe(0);
  });
});
