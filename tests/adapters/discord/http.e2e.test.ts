/**
 * HTTP interactions mode end to end: real Ed25519-signed requests (a key pair made for the test)
 * to `POST /discord/interactions` on the shared HTTP server, with follow-ups and deferred edits
 * going to a fake Discord REST API on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import {
  createDiscordInteractionsEndpoint,
  DISCORD_INTERACTIONS_PATH,
  MAX_INTERACTION_BYTES,
} from "../../../src/adapters/discord/http.js";
import { startHttpServer } from "../../../src/adapters/http/server.js";
import { parseArguments } from "../../../src/core/arguments.js";
import type { Command } from "../../../src/core/command.js";
import { FakeDiscord, parseBody, type RecordedRequest } from "../../fakes/discord/fake-discord.js";
import {
  autocomplete,
  buttonClick,
  IDS,
  modalSubmit,
  ping,
  slashCommand,
} from "../../fakes/discord/payloads.js";
import { fixtureCommands, PNG } from "../../fixtures/discord/commands.js";
import { shippedCore } from "../../helpers/corpus.js";
import {
  buttonsIn,
  expectSafeMessage,
  expectVerbatimCitedQuotes,
  messageIn,
} from "./e2e-checks.js";
import { memoryLogger, unrender } from "./helpers.js";
import { type InteractionsServer, serveInteractions } from "./interactions-server.js";
import { postInteraction, signature, testKeys } from "./signing.js";

const core = shippedCore();
const keys = testKeys();
const log = memoryLogger();
const DEFER_AFTER_MS = 1000;
let fake: FakeDiscord;
let served: InteractionsServer;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  served = await serveInteractions({
    publicKey: keys.publicKeyHex,
    apiUrl: fake.apiUrl,
    core,
    catalogue: [...catalogue, ...fixtureCommands],
    logger: log.logger,
    deferAfterMs: DEFER_AFTER_MS,
  });
});

afterAll(async () => {
  await served?.close();
  await fake?.close();
});

interface Sent {
  readonly status: number;
  readonly json: unknown;
  readonly files: RecordedRequest["files"];
  readonly contentType: string | null;
}

/** POSTs a body signed like Discord signs it (headers can be overridden or removed). */
async function send(
  body: string | Buffer,
  headers: Record<string, string | undefined> = {},
): Promise<Sent> {
  const response = await postInteraction(served.url, keys, body, headers);
  const raw = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get("content-type");
  const parsed = await parseBody(raw, contentType ?? undefined);
  return { status: response.status, json: parsed.body, files: parsed.files, contentType };
}

const sendInteraction = (payload: unknown) => send(JSON.stringify(payload));

function dataOf(sent: Sent) {
  const body = sent.json as { type: number; data: Record<string, unknown> };
  return messageIn({ path: "/x/callback", json: body } as RecordedRequest);
}

async function finished(interaction: { id: string }) {
  return log.waitFor((line) => line.interaction === interaction.id && line.msg === "answered");
}

describe("signature and request checks", () => {
  it("answers Discord's PING with a PONG", async () => {
    const sent = await sendInteraction(ping());
    expect(sent).toMatchObject({ status: 200, json: { type: 1 } });
  });

  it("refuses a bad signature with 401", async () => {
    const body = JSON.stringify(ping());
    const sent = await send(body, {
      "x-signature-ed25519": signature(testKeys(), String(Math.floor(Date.now() / 1000)), body),
    });
    expect(sent).toMatchObject({
      status: 401,
      json: { error: "invalid request signature (bad-signature)" },
    });
  });

  it("refuses a body changed after signing with 401", async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const sent = await send(JSON.stringify(slashCommand("sources")), {
      "x-signature-ed25519": signature(keys, timestamp, JSON.stringify(ping())),
      "x-signature-timestamp": timestamp,
    });
    expect(sent.status).toBe(401);
  });

  it("refuses missing signature headers with 401", async () => {
    expect((await send(JSON.stringify(ping()), { "x-signature-ed25519": undefined })).status).toBe(
      401,
    );
    expect(
      (
        await send(JSON.stringify(ping()), {
          "x-signature-timestamp": undefined,
          "x-signature-ed25519": "ab".repeat(64),
        })
      ).status,
    ).toBe(401);
  });

  it("refuses a correctly signed but stale (or far-future) timestamp with 401", async () => {
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    expect(await send(JSON.stringify(ping()), { "x-signature-timestamp": stale })).toMatchObject({
      status: 401,
      json: { error: "invalid request signature (stale-timestamp)" },
    });
    const future = String(Math.floor(Date.now() / 1000) + 3600);
    expect((await send(JSON.stringify(ping()), { "x-signature-timestamp": future })).status).toBe(
      401,
    );
  });

  it("answers a signed body that is not JSON with 400, and keeps serving", async () => {
    expect(await send("{not json")).toMatchObject({
      status: 400,
      json: { error: "body is not JSON" },
    });
    expect(await send(JSON.stringify({ type: 2, hello: "world" }))).toMatchObject({ status: 400 });
    expect((await sendInteraction(ping())).status).toBe(200);
  });

  it("refuses an oversized body with 413 before reading it all", async () => {
    const huge = JSON.stringify({ type: 1, padding: "x".repeat(MAX_INTERACTION_BYTES) });
    expect((await send(huge)).status).toBe(413);
    expect((await sendInteraction(ping())).status).toBe(200);
  });

  it("accepts only POST", async () => {
    const response = await fetch(served.url);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("commands over HTTP", () => {
  /** Each command's own first example, as Discord would send its options. */
  const exampleOptions = (command: Command): Record<string, string | number | boolean> => {
    const [, ...words] = (command.examples[0] ?? command.name).split(" ");
    const parsed = parseArguments(command, words.join(" "));
    if (!parsed.ok)
      throw new Error(`/${command.name}: its example does not parse: ${parsed.problem}`);
    return parsed.options;
  };

  it.each(catalogue.map((c) => [c.name, c] as const))(
    "/%s (its first example) answers with a signed response within Discord's limits",
    async (name, command) => {
      const interaction = slashCommand(name, exampleOptions(command));
      const sent = await sendInteraction(interaction);
      expect(sent.status).toBe(200);
      const { type } = sent.json as { type: number };
      expect([4, 5]).toContain(type);
      const delivery = await finished(interaction);
      const messages = [
        ...(type === 4 ? [dataOf(sent)] : []),
        ...fake
          .requestsFor(interaction)
          .filter((r) => r.method !== "DELETE")
          .map(messageIn),
      ];
      expect(messages).toHaveLength(delivery.messages as number);
      for (const message of messages) expectSafeMessage(message);
      expect(messages[0]?.embeds[0]?.title).toBeTruthy();
      expectVerbatimCitedQuotes(core, messages);
    },
  );

  it("/why-not-jef: verbatim cited quotes in the HTTP response itself", async () => {
    const sent = await sendInteraction(slashCommand("why-not-jef"));
    expect((sent.json as { type: number }).type).toBe(4);
    const message = dataOf(sent);
    expectSafeMessage(message);
    expect(expectVerbatimCitedQuotes(core, [message])).toBeGreaterThanOrEqual(3);
  });

  it("/pillar: the response, then the rest as a follow-up webhook to the REST API", async () => {
    const interaction = slashCommand("pillar", { name: "coalition" });
    const sent = await sendInteraction(interaction);
    await finished(interaction);
    const followUps = fake.requestsFor(interaction);
    expect(followUps.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /webhooks/${IDS.application}/${interaction.token}`,
    ]);
    expect(followUps[0]?.authorization).toBeUndefined();
    const messages = [dataOf(sent), messageIn(followUps[0] as RecordedRequest)];
    for (const message of messages) expectSafeMessage(message);
    expect(expectVerbatimCitedQuotes(core, messages)).toBeGreaterThan(5);
  });

  it("follow-ups are not paced at 50 a second: interaction endpoints are outside Discord's global limit", async () => {
    // A class asking at once: 60 answers of two messages each, so 60 follow-ups in well under a
    // second. discord.js paces every request at 50 a second unless told otherwise, and says so
    // (its "rateLimited" event, which the endpoint logs as a warning).
    const interactions = Array.from({ length: 60 }, () =>
      slashCommand("pillar", { name: "coalition" }),
    );
    await Promise.all(interactions.map((interaction) => sendInteraction(interaction)));
    await Promise.all(interactions.map(finished));
    for (const interaction of interactions)
      expect(fake.requestsFor(interaction).map((r) => r.method)).toEqual(["POST"]);
    expect(log.lines.filter((line) => String(line.msg).startsWith("Discord rate limit"))).toEqual(
      [],
    );
  });

  it("autocomplete answers synchronously in the response", async () => {
    const sent = await sendInteraction(autocomplete("glossary", { term: "pes" }, "term"));
    expect(sent.json).toMatchObject({ type: 8, data: { choices: [{ value: "PESCO" }] } });
  });

  it("a follow-up button runs its command", async () => {
    const sent = await sendInteraction(buttonClick("dp1|f|pillar|name=eu"));
    expect(dataOf(sent).embeds[0]?.title).toMatch(/^Pillar: EU/);
  });

  it("a reply button opens a modal; the submission runs the reply command", async () => {
    const asked = dataOf(await sendInteraction(slashCommand("fixture-ask")));
    const [answer] = buttonsIn(asked);
    const opened = (await sendInteraction(buttonClick(answer?.customId ?? ""))).json as {
      type: number;
      data: { custom_id: string };
    };
    expect(opened.type).toBe(9);
    const reply = await sendInteraction(
      modalSubmit(opened.data.custom_id, { reply: "It is not a treaty <@&456>" }),
    );
    const message = dataOf(reply);
    expectSafeMessage(message);
    expect(unrender(message.embeds[0]?.description ?? "")).toContain(
      "You answered: It is not a treaty <@&456>",
    );
  });

  it("hostile text never pings", async () => {
    const sent = await sendInteraction(
      slashCommand("search", { query: "@everyone <@123> <@&456>" }),
    );
    const message = dataOf(sent);
    expectSafeMessage(message);
    const raw = JSON.stringify(sent.json);
    for (const mention of ["@everyone", "<@123>", "<@&456>"]) expect(raw).not.toContain(mention);
  });

  it("a throwing handler gets a private error with a reference, and the endpoint keeps answering", async () => {
    const message = dataOf(await sendInteraction(slashCommand("fixture-boom")));
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.description).toMatch(/\*\*Reference:\*\* ERR-[0-9A-F]{8}/);
    expect((await sendInteraction(ping())).status).toBe(200);
  });

  it("an expensive command is deferred, then the answer and its PNG are PATCHed to the REST API as multipart", async () => {
    const interaction = slashCommand("fixture-picture");
    const sent = await sendInteraction(interaction);
    expect(sent.json).toEqual({ type: 5, data: {} });
    await finished(interaction);
    const [edit] = fake.requestsFor(interaction);
    expect(edit?.method).toBe("PATCH");
    expect(edit?.path).toBe(`/webhooks/${IDS.application}/${interaction.token}/messages/@original`);
    expect(edit?.contentType).toMatch(/^multipart\/form-data/);
    expect(edit?.files).toEqual([
      { field: "files[0]", filename: "map.png", contentType: "image/png", bytes: PNG },
    ]);
    expect((edit?.json as { attachments?: unknown } | undefined)?.attachments).toEqual([
      { id: 0, filename: "map.png", description: "A one-pixel map (our drawing)" },
    ]);
  });

  it("a slow command is deferred privately when asked, then edited", async () => {
    const interaction = slashCommand("fixture-slow", { ms: DEFER_AFTER_MS + 300, private: true });
    const sent = await sendInteraction(interaction);
    expect(sent.json).toEqual({ type: 5, data: { flags: 64 } });
    await finished(interaction);
    const [edit] = fake.requestsFor(interaction);
    expect(edit?.method).toBe("PATCH");
    expect(messageIn(edit as RecordedRequest).embeds[0]?.title).toBe(
      `Waited ${DEFER_AFTER_MS + 300} ms`,
    );
  });

  it("files in an immediate answer make the HTTP response multipart", async () => {
    const picture = fixtureCommands.find((c) => c.name === "fixture-picture");
    if (!picture) throw new Error("fixture-picture is missing");
    const withFile = { ...picture, name: "fixture-picture-now", cost: "cheap" as const };
    const local = createDiscordInteractionsEndpoint({
      publicKey: keys.publicKeyHex,
      apiUrl: fake.apiUrl,
      core,
      catalogue: [withFile],
      logger: log.logger,
    });
    const localServer = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      routes: { [DISCORD_INTERACTIONS_PATH]: local.handle },
      logger: log.logger,
    });
    try {
      const response = await postInteraction(
        `${localServer.url}${DISCORD_INTERACTIONS_PATH}`,
        keys,
        JSON.stringify(slashCommand("fixture-picture-now")),
        { "content-type": undefined },
      );
      const contentType = response.headers.get("content-type") ?? "";
      expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
      const parsed = await parseBody(Buffer.from(await response.arrayBuffer()), contentType);
      expect(parsed.files).toEqual([
        { field: "files[0]", filename: "map.png", contentType: "image/png", bytes: PNG },
      ]);
      expect((parsed.body as { type: number }).type).toBe(4);
    } finally {
      await localServer.close();
      await local.stop();
    }
  });
});
