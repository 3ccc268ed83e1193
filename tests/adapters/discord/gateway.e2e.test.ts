/**
 * Gateway mode end to end: the real discord.js client logs in to a fake Discord on 127.0.0.1
 * (REST + gateway WebSocket), receives INTERACTION_CREATE dispatches, and answers through the
 * REST API. Every assertion reads what the client actually sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { type DiscordGateway, startDiscordGateway } from "../../../src/adapters/discord/gateway.js";
import { toApiBody } from "../../../src/adapters/discord/message.js";
import { renderAnswer } from "../../../src/adapters/discord/render.js";
import { ConfigError } from "../../../src/config.js";
import { findCommand } from "../../../src/core/dispatch.js";
import { executeCommand } from "../../../src/core/execute.js";
import {
  FakeDiscord,
  type RecordedRequest,
  rateLimited,
} from "../../fakes/discord/fake-discord.js";
import {
  autocomplete,
  buttonClick,
  IDS,
  modalSubmit,
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
import { memoryLogger, shownQuotes, unrender } from "./helpers.js";

const core = shippedCore();
const log = memoryLogger();
const DEFER_AFTER_MS = 1000;
let fake: FakeDiscord;
let gateway: DiscordGateway;

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
  gateway = await startDiscordGateway({
    token: fake.token,
    apiUrl: fake.apiUrl,
    core,
    catalogue: [...catalogue, ...fixtureCommands],
    logger: log.logger,
    deferAfterMs: DEFER_AFTER_MS,
  });
});

afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
});

/** Waits until the adapter has finished with an interaction (all edits and follow-ups sent). */
async function finished(interaction: { id: string }) {
  return log.waitFor((line) => line.interaction === interaction.id && line.msg === "answered");
}

/** Dispatches an interaction; resolves with every request the adapter made for it, once finished. */
async function conversation(interaction: {
  id: string;
  token: string;
}): Promise<RecordedRequest[]> {
  fake.dispatch("INTERACTION_CREATE", interaction);
  await finished(interaction);
  return fake.requestsFor(interaction);
}

describe("logging in", () => {
  it("asks the fake's REST API for the gateway, identifies with the Guilds intent only, and keeps heartbeating", async () => {
    const discovery = fake.requests.find((r) => r.path === "/gateway/bot");
    expect(discovery?.authorization).toBe(`Bot ${fake.token}`);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: fake.token, intents: 1 });
    expect(log.lines.find((l) => l.msg === "Discord gateway ready")).toMatchObject({
      user: "debate-prep",
      id: IDS.bot,
    });
    const start = fake.heartbeats;
    await expect.poll(() => fake.heartbeats, { timeout: 5000 }).toBeGreaterThan(start + 1);
    expect(gateway.client.ws.ping).toBeGreaterThanOrEqual(0);
  });
});

describe("a refused token", () => {
  it("stops the start with a message naming DISCORD_TOKEN", async () => {
    const refused = startDiscordGateway({
      token: "not-the-token",
      apiUrl: fake.apiUrl,
      core,
      catalogue,
      logger: log.logger,
    });
    await expect(refused).rejects.toThrow(ConfigError);
    await expect(
      startDiscordGateway({
        token: "not-the-token",
        apiUrl: fake.apiUrl,
        core,
        catalogue,
        logger: log.logger,
      }),
    ).rejects.toThrow(/^Configuration: Discord refused DISCORD_TOKEN \(401 Unauthorized\)/);
  });
});

describe("slash commands", () => {
  it("/why-not-jef answers with verbatim quotes cited to section, paragraph and link", async () => {
    const interaction = slashCommand("why-not-jef");
    const callback = await fake.interact(interaction);
    expect(callback.method).toBe("POST");
    expect(callback.path).toBe(`/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback.authorization).toBeUndefined();
    const body = callback.json as { type: number; data: Record<string, unknown> };
    expect(body.type).toBe(4);

    // What discord.js sent is exactly what the renderer made of the command's answer.
    const expected = renderAnswer(
      await executeCommand(core, findCommand(catalogue, "why-not-jef") as never, {}),
      { ephemeral: false },
    );
    expect(expected.messages).toHaveLength(1);
    expect(body.data).toMatchObject(JSON.parse(JSON.stringify(toApiBody(expected.messages[0]))));

    const message = messageIn(callback);
    expectSafeMessage(message);
    expect(expectVerbatimCitedQuotes(core, [message])).toBeGreaterThanOrEqual(3);
    expect(message.embeds[1]?.fields?.[0]?.value).toMatch(
      /\n— \[Anisova, ELN, 6 Dec 2023, ¶13\]\(https:\/\/www\.europeanleadershipnetwork\.org\/.+\) · Coalition of the willing/,
    );
    expect(buttonsIn(message).map((b) => b.label)).toEqual([
      "Counter-arguments",
      "Pillar: coalition",
      "Show the sources",
    ]);
  });

  it("/pillar answers over several messages when one is not enough: the reply, then follow-ups", async () => {
    const interaction = slashCommand("pillar", { name: "coalition" });
    const requests = await conversation(interaction);
    expect(requests.map((r) => `${r.method} ${r.path.split("/")[1]}`)).toEqual([
      "POST interactions",
      "POST webhooks",
    ]);
    expect(requests[1]?.path).toBe(`/webhooks/${IDS.application}/${interaction.token}`);
    const messages = requests.map(messageIn);
    for (const message of messages) expectSafeMessage(message);
    expect(messages[0]?.embeds[0]?.title).toBe(
      "Pillar: Coalition of the willing as a transition, not a substitute",
    );
    expect(messages[1]?.content).toBe("*(continued — part 2 of 2)*");
    const pillar = await executeCommand(core, findCommand(catalogue, "pillar") as never, {
      name: "coalition",
    });
    expect(expectVerbatimCitedQuotes(core, messages)).toBe(pillar.excerpts.length);
  });

  it("an answer of many long paragraphs is paginated: every message within the limits, every quote whole", async () => {
    const interaction = slashCommand("fixture-long");
    const requests = await conversation(interaction);
    expect(requests.length).toBeGreaterThan(2);
    expect(
      requests
        .slice(1)
        .every(
          (r) =>
            r.method === "POST" && r.path === `/webhooks/${IDS.application}/${interaction.token}`,
        ),
    ).toBe(true);
    const messages = requests.map(messageIn);
    for (const message of messages) expectSafeMessage(message);
    expect(expectVerbatimCitedQuotes(core, messages)).toBe(12);
    expect(shownQuotes(messages).some((q) => q.pieces > 1)).toBe(true);
    expect(messages.at(-1)?.content).toBe(
      `*(continued — part ${messages.length} of ${messages.length})*`,
    );
  });

  it("/search with autocomplete: choices from the index, then cited results and a working “Next results” button", async () => {
    const suggest = await fake.interact(autocomplete("search", { query: "JE" }, "query"));
    const choices = (
      suggest.json as { type: number; data: { choices: { name: string; value: string }[] } }
    ).data.choices;
    expect((suggest.json as { type: number }).type).toBe(8);
    expect(choices[0]).toEqual({ name: "JE", value: "JE" });
    expect(choices.map((c) => c.value)).toContain("JEF");

    const search = slashCommand("search", { query: "Is NATO membership the answer?" });
    const first = messageIn(await fake.interact(search));
    expectSafeMessage(first);
    expect(first.embeds[0]?.title).toBe("Search: “Is NATO membership the answer?”");
    expect(expectVerbatimCitedQuotes(core, [first])).toBe(3);
    const next = buttonsIn(first).find((b) => b.label === "Next results");
    expect(next?.customId).toBe("dp1|f|search|query=Is NATO membership the answer?&page=2");

    const page2 = messageIn(await fake.interact(buttonClick(next?.customId ?? "")));
    expectSafeMessage(page2);
    expect(page2.embeds[0]?.description).toMatch(/\*Results 4–6 of \d+\*/);
    const firstQuotes = shownQuotes([first]).map((q) => q.paragraph);
    const secondQuotes = shownQuotes([page2]).map((q) => q.paragraph);
    expect(secondQuotes.some((p) => !firstQuotes.includes(p))).toBe(true);
  });

  it("autocompletes pillar names exactly", async () => {
    const callback = await fake.interact(autocomplete("pillar", { name: "" }, "name"));
    expect(callback.json).toEqual({
      type: 8,
      data: {
        choices: core.corpus
          .nodesOfKind("pillar")
          .map((p) => ({ name: `${p.id} — ${p.label}`, value: p.id })),
      },
    });
  });

  it("answers privately when asked with the private option", async () => {
    const message = messageIn(
      await fake.interact(slashCommand("pillar", { name: "g7", private: true })),
    );
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.title).toMatch(/^Pillar: G7/);
  });
});

describe("follow-up buttons", () => {
  it("each button of /why-not-jef runs its command from the state in its custom_id", async () => {
    const message = messageIn(await fake.interact(slashCommand("why-not-jef")));
    const titles: Record<string, string> = {};
    for (const button of buttonsIn(message)) {
      const answered = messageIn(await fake.interact(buttonClick(button.customId)));
      expectSafeMessage(answered);
      titles[button.label] = answered.embeds[0]?.title ?? "";
    }
    expect(titles).toEqual({
      "Counter-arguments": expect.stringMatching(/JEF/),
      "Pillar: coalition": "Pillar: Coalition of the willing as a transition, not a substitute",
      "Show the sources": "The reading",
    });
  });

  it("refuses a tampered button privately, and says what to do", async () => {
    const message = messageIn(await fake.interact(buttonClick("dp1|f|pillar|colour=red")));
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.title).toBe("That button no longer works");
    expect(message.embeds[0]?.description).toMatch(/Run the command again/);
  });
});

describe("failures", () => {
  it("a handler that throws gets a private error with a reference code; the cause is logged; the client stays up", async () => {
    const interaction = slashCommand("fixture-boom");
    const message = messageIn(await fake.interact(interaction));
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.title).toBe("/fixture-boom failed");
    const reference = /\*\*Reference:\*\* (ERR-[0-9A-F]{8})/.exec(
      message.embeds[0]?.description ?? "",
    )?.[1];
    expect(reference).toBeDefined();
    const logged = await log.waitFor(
      (l) => l.reference === reference && l.msg === "command failed",
    );
    expect(JSON.stringify(logged.err)).toContain("fixture failure: the handler threw");

    expect(gateway.client.isReady()).toBe(true);
    const after = messageIn(await fake.interact(slashCommand("sources")));
    expect(after.embeds[0]?.title).toBe("The reading");
  });

  it("an interaction Discord no longer knows (10062) is logged, not fatal", async () => {
    const interaction = slashCommand("sources");
    fake.failures.push({
      predicate: (r) => r.path.startsWith(`/interactions/${interaction.id}/`),
      response: { status: 404, body: { message: "Unknown interaction", code: 10062 } },
      times: 1,
    });
    await fake.interact(interaction);
    const warning = await log.waitFor((l) => l.interaction === interaction.id && l.code === 10062);
    expect(warning.msg).toBe("Discord no longer accepts a response to this interaction");
    expect(gateway.client.isReady()).toBe(true);
    expect(messageIn(await fake.interact(slashCommand("sources"))).embeds[0]?.title).toBe(
      "The reading",
    );
  });

  it("a 429 from the REST API is waited out and retried by discord.js", async () => {
    const interaction = slashCommand("pillar", { name: "coalition" });
    fake.failures.push({
      predicate: (r) =>
        r.method === "POST" && r.path === `/webhooks/${IDS.application}/${interaction.token}`,
      response: rateLimited(0.1),
      times: 1,
    });
    const requests = await conversation(interaction);
    const followUps = requests.filter(
      (r) => r.method === "POST" && r.path.startsWith("/webhooks/"),
    );
    expect(followUps).toHaveLength(2);
    expect(followUps[0]?.json).toEqual(followUps[1]?.json);
  });

  it("hostile text in a query never pings: mentions are escaped and allowed_mentions is empty", async () => {
    const hostile = "@everyone <@123> <@&456>";
    const callback = await fake.interact(slashCommand("search", { query: hostile }));
    const message = messageIn(callback);
    expectSafeMessage(message);
    const raw = JSON.stringify(callback.json);
    for (const mention of ["@everyone", "<@123>", "<@&456>"]) expect(raw).not.toContain(mention);
    expect(unrender(message.embeds[0]?.title ?? "")).toContain(hostile);
  });
});

describe("deadlines", () => {
  it("defers a command that takes longer than the threshold, then edits the reply", async () => {
    const interaction = slashCommand("fixture-slow", { ms: DEFER_AFTER_MS + 300 });
    const requests = await conversation(interaction);
    expect(requests.map((r) => r.method)).toEqual(["POST", "PATCH"]);
    expect(requests[0]?.json).toEqual({ type: 5, data: { flags: 0 } });
    expect(requests[1]?.path).toBe(
      `/webhooks/${IDS.application}/${interaction.token}/messages/@original`,
    );
    expect(messageIn(requests[1] as RecordedRequest).embeds[0]?.title).toBe(
      `Waited ${DEFER_AFTER_MS + 300} ms`,
    );
  });

  it("an error after a public deferral replaces it with a private follow-up", async () => {
    const interaction = slashCommand("fixture-slow", { ms: DEFER_AFTER_MS + 300, fail: true });
    const requests = await conversation(interaction);
    expect(requests.map((r) => r.method)).toEqual(["POST", "DELETE", "POST"]);
    const error = messageIn(requests[2] as RecordedRequest);
    expect(error.flags).toBe(64);
    expect(error.embeds[0]?.description).toMatch(/\*\*Reference:\*\* ERR-[0-9A-F]{8}/);
  });

  it("an expensive command defers at once and sends its PNG as a file with the edit", async () => {
    const interaction = slashCommand("fixture-picture");
    const requests = await conversation(interaction);
    expect(requests.map((r) => r.method)).toEqual(["POST", "PATCH"]);
    expect(requests[0]?.json).toEqual({ type: 5, data: { flags: 0 } });
    const edit = requests[1] as RecordedRequest;
    expect(edit.contentType).toMatch(/^multipart\/form-data/);
    expect(edit.files).toEqual([
      { field: "files[0]", filename: "map.png", contentType: "image/png", bytes: PNG },
    ]);
    expect((edit.json as { attachments: unknown[] }).attachments).toEqual([
      { id: "0", description: "A one-pixel map (our drawing)" },
    ]);
    expect(messageIn(edit).embeds[0]?.image).toEqual({ url: "attachment://map.png" });
  });
});

describe("reply requests", () => {
  it("an Answer button opens a modal, and its submission runs the reply command with the text", async () => {
    const asked = messageIn(await fake.interact(slashCommand("fixture-ask")));
    const [answerButton] = buttonsIn(asked);
    expect(answerButton).toEqual({
      label: "Answer",
      customId: "dp1|r|fixture-check|answer|round=r1&level=2",
    });

    const opened = await fake.interact(buttonClick(answerButton?.customId ?? ""));
    const modal = opened.json as {
      type: number;
      data: { custom_id: string; components: { components: { custom_id: string }[] }[] };
    };
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe("dp1|m|fixture-check|answer|round=r1&level=2");
    const inputId = modal.data.components[0]?.components[0]?.custom_id ?? "";

    const reply = "Because the JEF rests on an MoU @everyone <@123>";
    const callback = await fake.interact(modalSubmit(modal.data.custom_id, { [inputId]: reply }));
    const answered = messageIn(callback);
    expectSafeMessage(answered);
    expect(answered.embeds[0]?.title).toBe("Round r1 (level 2)");
    expect(unrender(answered.embeds[0]?.description ?? "")).toContain(`You answered: ${reply}`);
    expect(JSON.stringify(callback.json)).not.toContain("@everyone");
  });
});
