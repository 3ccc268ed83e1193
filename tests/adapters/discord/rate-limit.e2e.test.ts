/**
 * The shared rate limits applied to Discord, end to end in both modes: a burst from one user gets
 * the polite "slow down" reply (privately) once the budget is spent, another user in the same
 * channel is unaffected, and expensive commands have their own, smaller budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { type DiscordGateway, startDiscordGateway } from "../../../src/adapters/discord/gateway.js";
import { FakeDiscord, type RecordedRequest } from "../../fakes/discord/fake-discord.js";
import { slashCommand } from "../../fakes/discord/payloads.js";
import { fixtureCommands } from "../../fixtures/discord/commands.js";
import { shippedCore } from "../../helpers/corpus.js";
import { messageIn } from "./e2e-checks.js";
import { memoryLogger } from "./helpers.js";
import { type InteractionsServer, serveInteractions } from "./interactions-server.js";
import { postInteraction, testKeys } from "./signing.js";

const core = shippedCore();
const POLICY = { perMinute: 3, expensivePerMinute: 1 };
const commands = [...catalogue, ...fixtureCommands];

/** The same interaction, sent by another user (the member's user is who Discord says asked). */
function byUser<T extends { member: { user: object } }>(payload: T, userId: string): T {
  return {
    ...payload,
    member: { ...payload.member, user: { ...payload.member.user, id: userId } },
  };
}

function titleOf(message: ReturnType<typeof messageIn>): string | undefined {
  return message.embeds[0]?.title;
}

describe("Discord gateway: rate limits", () => {
  const log = memoryLogger();
  let fake: FakeDiscord;
  let gateway: DiscordGateway;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
    gateway = await startDiscordGateway({
      token: fake.token,
      apiUrl: fake.apiUrl,
      core,
      catalogue: commands,
      logger: log.logger,
      rateLimit: POLICY,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  /** Dispatches the interaction and waits until the adapter has finished with it. */
  async function answered(payload: { id: string; token: string }): Promise<RecordedRequest[]> {
    fake.dispatch("INTERACTION_CREATE", payload);
    await log.waitFor((l) => l.interaction === payload.id && l.msg === "answered");
    return fake.requestsFor(payload);
  }

  it("answers a user's budget, then asks them privately to slow down; another user in the same channel is unaffected", async () => {
    const burst = [];
    for (let i = 0; i < POLICY.perMinute + 1; i++)
      burst.push(
        messageIn(
          (
            await answered(byUser(slashCommand("sources"), "410000000000000001"))
          )[0] as RecordedRequest,
        ),
      );
    expect(burst.slice(0, POLICY.perMinute).map(titleOf)).toEqual(
      Array(POLICY.perMinute).fill("The reading"),
    );
    const slowed = burst.at(-1);
    expect(slowed && titleOf(slowed)).toBe("Slow down a little");
    expect(slowed?.flags).toBe(64);
    expect(slowed?.embeds[0]?.description).toMatch(/Please wait about \d+ seconds? and try again/);

    const other = await answered(byUser(slashCommand("sources"), "410000000000000002"));
    expect(titleOf(messageIn(other[0] as RecordedRequest))).toBe("The reading");
    expect(
      log.lines.filter((l) => l.msg === "over the rate limit: asked to slow down"),
    ).toHaveLength(1);
  });

  it("limits expensive commands more strictly, without a deferral for the refused one", async () => {
    const user = "410000000000000003";
    const first = await answered(byUser(slashCommand("fixture-picture"), user));
    expect(first.map((r) => r.method)).toEqual(["POST", "PATCH"]);
    const second = await answered(byUser(slashCommand("fixture-picture"), user));
    expect(second).toHaveLength(1);
    expect(second[0]?.json).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(titleOf(messageIn(second[0] as RecordedRequest))).toBe("Slow down a little");
    // Cheap commands draw on their own budget.
    const cheap = await answered(byUser(slashCommand("sources"), user));
    expect(titleOf(messageIn(cheap[0] as RecordedRequest))).toBe("The reading");
  });
});

describe("Discord HTTP interactions: rate limits", () => {
  const keys = testKeys();
  const log = memoryLogger();
  let fake: FakeDiscord;
  let served: InteractionsServer;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    served = await serveInteractions({
      publicKey: keys.publicKeyHex,
      apiUrl: fake.apiUrl,
      core,
      catalogue: commands,
      logger: log.logger,
      rateLimit: POLICY,
    });
  });

  afterAll(async () => {
    await served?.close();
    await fake?.close();
  });

  async function send(payload: unknown) {
    const response = await postInteraction(served.url, keys, JSON.stringify(payload));
    expect(response.status).toBe(200);
    const json = (await response.json()) as { type: number; data: Record<string, unknown> };
    return {
      type: json.type,
      message: messageIn({ path: "/x/callback", json } as RecordedRequest),
    };
  }

  it("answers a user's budget, then asks them privately to slow down; another user is unaffected", async () => {
    const titles: (string | undefined)[] = [];
    let last: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < POLICY.perMinute + 1; i++) {
      last = await send(byUser(slashCommand("glossary", { term: "JEF" }), "420000000000000001"));
      titles.push(titleOf(last.message));
    }
    expect(titles.slice(0, POLICY.perMinute).every((t) => t && t !== "Slow down a little")).toBe(
      true,
    );
    expect(titles.at(-1)).toBe("Slow down a little");
    expect(last?.type).toBe(4);
    expect(last?.message.flags).toBe(64);

    const other = await send(
      byUser(slashCommand("glossary", { term: "JEF" }), "420000000000000002"),
    );
    expect(titleOf(other.message)).toBe(titles[0]);
  });

  it("answers the slow-down of an expensive command at once instead of deferring", async () => {
    const user = "420000000000000003";
    expect((await send(byUser(slashCommand("fixture-picture"), user))).type).toBe(5);
    const refused = await send(byUser(slashCommand("fixture-picture"), user));
    expect(refused.type).toBe(4);
    expect(titleOf(refused.message)).toBe("Slow down a little");
  });
});
