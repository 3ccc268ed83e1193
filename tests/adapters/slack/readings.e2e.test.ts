/**
 * Two readings through the real Bolt app over HTTP on loopback: `--reading <id>` in a slash
 * command's text chooses the reading, and a question two readings answer says which ones do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import type { Core } from "../../../src/core/core.js";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { SHIPPED_DOC } from "../../helpers/corpus.js";
import { SECOND_DOC, twoReadingsCore } from "../../helpers/two-readings.js";
import { type EventsServer, serveSlackEvents } from "./events-server.js";
import { blockTexts, memoryLogger, sendSlash } from "./helpers.js";

const SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const BOT_TOKEN = "xoxb-readings-test";

let core: Core;
let fake: FakeSlack;
let served: EventsServer;

beforeAll(async () => {
  core = await twoReadingsCore();
  fake = await startFakeSlack({ botToken: BOT_TOKEN });
  served = await serveSlackEvents({
    core,
    catalogue,
    logger: memoryLogger().logger,
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
  });
});

afterAll(async () => {
  await served?.close();
  await fake?.close();
});

const slash = async (command: string, text: string) => {
  const answer = await sendSlash(fake, served.url, SECRET, { command, text });
  return answer.messages.flatMap(blockTexts).join("\n");
};

describe("the reading option on Slack", () => {
  it("names the readings that have a pillar, and how to choose one", async () => {
    const shown = await slash("/pillar", "coalition");
    expect(shown).toContain("Two readings have a pillar “coalition”");
    expect(shown).toContain("--reading in Slack");
    expect(shown).toContain(`${SHIPPED_DOC} (Anisova`);
    expect(shown).toContain(`${SECOND_DOC} (Kovalenko`);
    // One button per reading, each asking again in it.
    expect(shown).toContain("In Anisova, “No need to wait”, ELN, 6 Dec 2023");
    expect(shown).toContain("In Kovalenko, “Guarantees without garrisons”, BPF, 14 Mar 2024");
  });

  it("answers from the reading given as --reading in the text, citing it", async () => {
    const shown = await slash("/pillar", `coalition --reading ${SECOND_DOC}`);
    expect(shown).toContain("A coalition of guarantors that pays in advance");
    expect(shown).toMatch(/Kovalenko, “Guarantees without garrisons”, BPF, 14 Mar 2024, ¶3/);
    expect(shown).not.toContain("Anisova");
  });

  it("suggests the nearest id for a reading it does not know", async () => {
    const shown = await slash("/card", "obj-reorient-jef --reading kovalenko");
    expect(shown).toContain(`did you mean ${SECOND_DOC}?`);
  });
});
