/**
 * Faults on the Discord side, each against the fake Discord on 127.0.0.1 with the real discord.js
 * stack: the REST API answering 429 and 500, the gateway connection dropped (the client resumes
 * and answers the next interaction, and the ones it missed), a renderer that throws, and a signed
 * interaction addressed to another application. The program's own logger is used, so every line
 * is also checked for interaction tokens (they are credentials for 15 minutes).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogue } from "../../../commands/index.js";
import { type DiscordGateway, startDiscordGateway } from "../../../src/adapters/discord/gateway.js";
import { type Answer, answer } from "../../../src/core/answer.js";
import { defineCommand } from "../../../src/core/command.js";
import {
  FakeDiscord,
  type RecordedRequest,
  rateLimited,
} from "../../fakes/discord/fake-discord.js";
import { IDS, ping, slashCommand } from "../../fakes/discord/payloads.js";
import { fixtureCommands } from "../../fixtures/discord/commands.js";
import { type CapturedLogger, capturedLogger } from "../../helpers/captured-logger.js";
import { shippedCore } from "../../helpers/corpus.js";
import { expectSafeMessage, messageIn } from "./e2e-checks.js";
import { type InteractionsServer, serveInteractions } from "./interactions-server.js";
import { postInteraction, testKeys } from "./signing.js";

const core = shippedCore();

/** Returns something that is not an Answer, so rendering it throws inside the adapter. */
const unrenderable = defineCommand({
  name: "fixture-unrenderable",
  description: "Fixture: an answer the renderer cannot read",
  options: z.object({}),
  examples: ["fixture-unrenderable"],
  run: () => ({ ...answer("fixture-unrenderable", "Broken"), excerpts: null }) as unknown as Answer,
});
const commands = [...catalogue, ...fixtureCommands, unrenderable];

const REFERENCE = /\*\*Reference:\*\* (ERR-[0-9A-F]{8})/;
const SERVER_ERROR = { status: 500, body: { message: "500: Internal Server Error", code: 0 } };

/** No interaction token of these interactions appears in any line that reached the log. */
function expectNoTokensLogged(log: CapturedLogger, interactions: readonly { token: string }[]) {
  expect(log.raw.length).toBeGreaterThan(0);
  for (const { token } of interactions)
    for (const line of log.raw) expect(line).not.toContain(token);
}

describe("Discord gateway: faults", () => {
  let fake: FakeDiscord;
  let gateway: DiscordGateway;
  let log: CapturedLogger;
  const seen: { id: string; token: string }[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    log = capturedLogger([fake.token]);
    gateway = await startDiscordGateway({
      token: fake.token,
      apiUrl: fake.apiUrl,
      core,
      catalogue: commands,
      logger: log.logger,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  /** A fresh slash command, remembered so the log can be checked for its token. */
  function command(name: string, options: Record<string, string> = {}) {
    const payload = slashCommand(name, options);
    seen.push(payload);
    return payload;
  }

  /** Dispatches the interaction; resolves with the adapter's last line about it. */
  function finished(payload: { id: string }, msg: string) {
    fake.dispatch("INTERACTION_CREATE", payload);
    return log.waitFor((l) => l.interaction === payload.id && l.msg === msg);
  }

  it("a 500 on the interaction callback is retried by discord.js, and the user gets the answer", async () => {
    const interaction = command("sources");
    fake.failures.push({
      predicate: (r) => r.path.startsWith(`/interactions/${interaction.id}/`),
      response: SERVER_ERROR,
      times: 1,
    });
    await finished(interaction, "answered");
    const callbacks = fake.requestsFor(interaction);
    expect(callbacks).toHaveLength(2);
    expect(callbacks[1]?.json).toEqual(callbacks[0]?.json);
    expect(messageIn(callbacks[1] as RecordedRequest).embeds[0]?.title).toBe("The reading");
  });

  it("a 429 on the interaction callback is waited out and retried", async () => {
    const interaction = command("sources");
    fake.failures.push({
      predicate: (r) => r.path.startsWith(`/interactions/${interaction.id}/`),
      response: rateLimited(0.1),
      times: 1,
    });
    await finished(interaction, "answered");
    const callbacks = fake.requestsFor(interaction);
    expect(callbacks).toHaveLength(2);
    expect(messageIn(callbacks[1] as RecordedRequest).embeds[0]?.title).toBe("The reading");
  });

  it("a follow-up that keeps failing with 500 ends in a private error with a reference; no token reaches the log", async () => {
    const interaction = command("pillar", { name: "coalition" });
    const followUps = (r: RecordedRequest) =>
      r.method === "POST" && r.path === `/webhooks/${IDS.application}/${interaction.token}`;
    // discord.js makes 4 attempts (3 retries); all of them fail.
    fake.failures.push({ predicate: followUps, response: SERVER_ERROR, times: 4 });
    const failed = await finished(interaction, "responding to an interaction failed");
    const reference = String(failed.reference);
    const error = await fake.waitForRequest(
      (r) => followUps(r) && JSON.stringify(r.json).includes(reference),
    );
    expect(fake.requestsFor(interaction).filter(followUps)).toHaveLength(5);
    const message = messageIn(error);
    expect(message.flags).toBe(64);
    expect(REFERENCE.exec(message.embeds[0]?.description ?? "")?.[1]).toBe(reference);
    expect(JSON.stringify(failed)).toContain("webhooks");
    expect(JSON.stringify(failed)).toContain("[redacted]");
    expectNoTokensLogged(log, seen);
  });

  it("a renderer that throws: the user gets a private error with a reference, the client stays up", async () => {
    const interaction = command("fixture-unrenderable");
    const failed = await finished(interaction, "responding to an interaction failed");
    const reply = await fake.waitForRequest((r) =>
      r.path.startsWith(`/interactions/${interaction.id}/`),
    );
    const message = messageIn(reply);
    expect(message.flags).toBe(64);
    expect(REFERENCE.exec(message.embeds[0]?.description ?? "")?.[1]).toBe(failed.reference);
    expect(gateway.client.isReady()).toBe(true);
    const after = command("sources");
    await finished(after, "answered");
    expect(messageIn(fake.requestsFor(after)[0] as RecordedRequest).embeds[0]?.title).toBe(
      "The reading",
    );
  });

  it("the gateway closes the connection (resumable code): the client resumes and answers the next interaction", async () => {
    const identified = fake.identifies.length;
    const resumed = fake.resumes.length;
    fake.dropConnections({ code: 4000 });
    await fake.waitForResumes(resumed + 1);
    await log.waitFor((l) => l.msg === "gateway resumed");
    expect(fake.identifies).toHaveLength(identified);
    expect(fake.resumes.at(-1)?.session_id).toBe("fake-session");

    const next = command("why-not-jef");
    const callback = await fake.interact(next);
    expectSafeMessage(messageIn(callback));
    expect(messageIn(callback).embeds[0]?.title).toBe("Why a new coalition rather than the JEF?");
  });

  it("the connection drops without a close frame: the interaction sent meanwhile is replayed on resume and answered", async () => {
    const resumed = fake.resumes.length;
    fake.dropConnections("abruptly");
    const missed = command("sources");
    fake.dispatch("INTERACTION_CREATE", missed); // nobody is connected to receive it now
    await fake.waitForResumes(resumed + 1);
    const callback = await fake.waitForRequest((r) =>
      r.path.startsWith(`/interactions/${missed.id}/`),
    );
    expect(messageIn(callback).embeds[0]?.title).toBe("The reading");
    expect(gateway.client.isReady()).toBe(true);
    expectNoTokensLogged(log, seen);
  });
});

describe("Discord HTTP interactions: faults", () => {
  const keys = testKeys();
  let fake: FakeDiscord;
  let served: InteractionsServer;
  let log: CapturedLogger;
  const seen: { token: string }[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    log = capturedLogger();
    served = await serveInteractions({
      publicKey: keys.publicKeyHex,
      applicationId: IDS.application,
      apiUrl: fake.apiUrl,
      core,
      catalogue: commands,
      logger: log.logger,
    });
  });

  afterAll(async () => {
    await served?.close();
    await fake?.close();
  });

  async function send(payload: { token: string }) {
    seen.push(payload);
    const response = await postInteraction(served.url, keys, JSON.stringify(payload));
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  const finished = (payload: { id: string }, msg: string) =>
    log.waitFor((l) => l.interaction === payload.id && l.msg === msg);

  it("a 500, then a 429 on the deferred edit are retried: the picture still arrives", async () => {
    const interaction = slashCommand("fixture-picture");
    const edit = (r: RecordedRequest) =>
      r.method === "PATCH" && r.path.includes(`/${interaction.token}/messages/@original`);
    fake.failures.push({ predicate: edit, response: SERVER_ERROR, times: 1 });
    fake.failures.push({
      predicate: edit,
      response: rateLimited(0.1, "shared"),
      times: 1,
    });
    expect((await send(interaction)).json).toEqual({ type: 5, data: {} });
    await finished(interaction, "answered");
    const edits = fake.requestsFor(interaction).filter(edit);
    expect(edits).toHaveLength(3);
    expect(edits[2]?.files.map((f) => f.filename)).toEqual(["map.png"]);
  });

  it("a follow-up that keeps failing with 500 ends in a private error follow-up with a reference; no token is logged", async () => {
    const interaction = slashCommand("pillar", { name: "coalition" });
    const followUps = (r: RecordedRequest) =>
      r.method === "POST" && r.path === `/webhooks/${IDS.application}/${interaction.token}`;
    fake.failures.push({ predicate: followUps, response: SERVER_ERROR, times: 4 });
    const first = await send(interaction);
    expect(first.json.type).toBe(4);
    const failed = await finished(interaction, "responding to an interaction failed");
    const error = await fake.waitForRequest(
      (r) => followUps(r) && JSON.stringify(r.json).includes(String(failed.reference)),
    );
    expect(messageIn(error).flags).toBe(64);
    expect(fake.requestsFor(interaction).filter(followUps)).toHaveLength(5);
    expectNoTokensLogged(log, seen);
  });

  it("a renderer that throws: the HTTP response is a private error with a reference, and serving goes on", async () => {
    const interaction = slashCommand("fixture-unrenderable");
    const sent = await send(interaction);
    expect(sent.status).toBe(200);
    const message = messageIn({ path: "/x/callback", json: sent.json } as RecordedRequest);
    expect(message.flags).toBe(64);
    const failed = await finished(interaction, "responding to an interaction failed");
    expect(REFERENCE.exec(message.embeds[0]?.description ?? "")?.[1]).toBe(failed.reference);
    expect((await send(ping())).json).toEqual({ type: 1 });
  });

  it("refuses a signed interaction addressed to another application with 403 and an error log line", async () => {
    const foreign = { ...slashCommand("sources"), application_id: "100000000000000099" };
    const sent = await send(foreign);
    expect(sent).toEqual({
      status: 403,
      json: { error: "interaction for another application" },
    });
    const line = await log.waitFor((l) => l.interaction === foreign.id);
    expect(line.msg).toMatch(/DISCORD_APPLICATION_ID/);
    expect(line.applicationId).toBe("100000000000000099");
    expect(fake.requestsFor(foreign)).toEqual([]);
    // Its own application's interactions are still answered.
    expect((await send(slashCommand("sources"))).json.type).toBe(4);
  });
});
