/**
 * Two readings through the real discord.js client against the fake Discord on 127.0.0.1: the
 * `reading` option autocompletes the readings' ids, and a question two readings answer gets
 * buttons that ask again in one reading.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { type DiscordGateway, startDiscordGateway } from "../../../src/adapters/discord/gateway.js";
import type { Core } from "../../../src/core/core.js";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { autocomplete, buttonClick, slashCommand } from "../../fakes/discord/payloads.js";
import { SHIPPED_DOC } from "../../helpers/corpus.js";
import { SECOND_DOC, twoReadingsCore } from "../../helpers/two-readings.js";
import { buttonsIn, expectSafeMessage, messageIn } from "./e2e-checks.js";
import { memoryLogger, shownQuotes } from "./helpers.js";

const log = memoryLogger();
let core: Core;
let fake: FakeDiscord;
let gateway: DiscordGateway;

beforeAll(async () => {
  core = await twoReadingsCore();
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
  gateway = await startDiscordGateway({
    token: fake.token,
    apiUrl: fake.apiUrl,
    core,
    catalogue,
    logger: log.logger,
  });
});

afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
});

describe("the reading option on Discord", () => {
  it("autocompletes the ids of the readings, narrowed by what is typed", async () => {
    const all = await fake.interact(
      autocomplete("pillar", { name: "coalition", reading: "" }, "reading"),
    );
    expect(all.json).toEqual({
      type: 8,
      data: {
        choices: [
          { name: `${SHIPPED_DOC} — Anisova, “No need to wait”`, value: SHIPPED_DOC },
          {
            name: `${SECOND_DOC} — Kovalenko, “Guarantees without garrisons”`,
            value: SECOND_DOC,
          },
        ],
      },
    });
    const typed = await fake.interact(
      autocomplete("drill", { pillar: "coalition", reading: "kov" }, "reading"),
    );
    expect(typed.json).toMatchObject({ type: 8, data: { choices: [{ value: SECOND_DOC }] } });
    expect((typed.json as { data: { choices: unknown[] } }).data.choices).toHaveLength(1);
  });

  it("offers the chosen reading's pillars once a reading is given", async () => {
    const callback = await fake.interact(
      autocomplete("pillar", { name: "", reading: SECOND_DOC }, "name"),
    );
    expect(callback.json).toEqual({
      type: 8,
      data: {
        choices: [
          {
            name: "coalition — A coalition of guarantors that pays in advance",
            value: "coalition",
          },
          { name: "budapest — The lesson of the Budapest Memorandum", value: "budapest" },
        ],
      },
    });
  });

  it("asks which reading when two have the pillar, and its button answers from that reading", async () => {
    const asked = messageIn(await fake.interact(slashCommand("pillar", { name: "coalition" })));
    expectSafeMessage(asked);
    expect(JSON.stringify(asked.embeds)).toContain("Two readings have a pillar “coalition”");
    const buttons = buttonsIn(asked);
    expect(buttons.map((b) => b.label)).toEqual([
      "In Anisova, “No need to wait”, ELN, 6 Dec 2023",
      "In Kovalenko, “Guarantees without garrisons”, BPF, 14 Mar 2024",
    ]);
    const second = messageIn(await fake.interact(buttonClick(buttons[1]?.customId ?? "")));
    expectSafeMessage(second);
    expect(JSON.stringify(second.embeds)).toContain(
      "A coalition of guarantors that pays in advance",
    );
    const quotes = shownQuotes([second]);
    expect(quotes.length).toBeGreaterThanOrEqual(1);
    for (const quote of quotes) {
      const paragraph = core.corpus.paragraph(SECOND_DOC, quote.paragraph)?.text ?? "";
      expect(paragraph).toContain(quote.text.replace(/^… /, "").replace(/ …$/, ""));
    }
    expect(JSON.stringify(second.embeds)).toMatch(/Kovalenko, “Guarantees without garrisons”, BPF/);
    expect(JSON.stringify(second.embeds)).not.toMatch(/Anisova/);
  });

  it("answers from the reading given as the option", async () => {
    const message = messageIn(
      await fake.interact(
        slashCommand("claim", { query: "obj-reorient-jef", reading: SECOND_DOC }),
      ),
    );
    expect(JSON.stringify(message.embeds)).toContain(
      "The bilateral agreements are guarantee enough",
    );
  });
});
