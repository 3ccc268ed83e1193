import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import {
  type CommandJson,
  DeployError,
  deployCommands,
  diffCommands,
  fetchApplicationId,
  formatChanges,
} from "../../../src/adapters/discord/deploy.js";
import { catalogueRegistration } from "../../../src/adapters/discord/registration.js";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { IDS } from "../../fakes/discord/payloads.js";

const wanted = catalogueRegistration(catalogue);

/** A command as Discord returns it: with ids, versions and explicit defaults. */
function asRegistered(command: CommandJson, extra: Record<string, unknown> = {}) {
  return {
    id: "1",
    application_id: IDS.application,
    version: "1",
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    contexts: null,
    ...command,
    options: (command.options ?? []).map((o) => ({ required: false, autocomplete: false, ...o })),
    ...extra,
  };
}

describe("diffCommands", () => {
  it("sees no change when Discord only added its defaults", () => {
    const changes = diffCommands(
      wanted.map((c) => asRegistered(c)),
      wanted,
    );
    expect(changes).toEqual({
      added: [],
      changed: [],
      removed: [],
      unchanged: wanted.map((c) => c.name),
    });
  });

  it("reports added, changed (saying what) and removed commands", () => {
    const [first, second, ...rest] = wanted as [CommandJson, CommandJson, ...CommandJson[]];
    const registered = [
      asRegistered(first, { description: "An old description" }),
      asRegistered({ ...second, options: (second.options ?? []).slice(1) }),
      asRegistered({ type: 1, name: "retired", description: "Gone" }),
      ...rest.slice(1).map((c) => asRegistered(c)),
    ];
    const changes = diffCommands(registered, wanted);
    expect(changes.added).toEqual([rest[0]?.name]);
    expect(changes.removed).toEqual(["retired"]);
    expect(changes.changed).toEqual([
      { name: first.name, what: ["description"] },
      { name: second.name, what: expect.arrayContaining([expect.stringMatching(/option/)]) },
    ]);
    expect(changes.unchanged).toEqual(rest.slice(1).map((c) => c.name));
  });
});

describe("deployCommands against the fake REST API", () => {
  let fake: FakeDiscord;
  let rest: REST;

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      registered: {
        global: [{ id: "9", type: 1, name: "retired", description: "Gone", options: [] }],
      },
    });
    rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  });
  afterAll(async () => {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await fake.close();
  });

  it("registers in a guild: GET, then PUT of every command, and a report of what changed", async () => {
    const result = await deployCommands({
      rest,
      applicationId: IDS.application,
      guildId: IDS.guild,
      commands: wanted,
    });
    expect(result).toMatchObject({
      scope: `guild ${IDS.guild}`,
      written: true,
      changes: { added: wanted.map((c) => c.name), removed: [] },
    });
    const route = `/applications/${IDS.application}/guilds/${IDS.guild}/commands`;
    const calls = fake.requests.filter((r) => r.path === route).map((r) => r.method);
    expect(calls).toEqual(["GET", "PUT"]);
    expect(fake.requests.find((r) => r.method === "PUT" && r.path === route)?.json).toEqual(wanted);
    expect(fake.requests.find((r) => r.path === route)?.authorization).toBe(`Bot ${fake.token}`);
    expect(formatChanges(result)).toMatch(
      new RegExp(
        `^Discord commands \\(guild ${IDS.guild}\\): ${wanted.length} added, 0 changed, 0 removed, 0 unchanged\\n  \\+ /pillar`,
      ),
    );
  });

  it("does not write again when nothing changed", async () => {
    const before = fake.requests.length;
    const result = await deployCommands({
      rest,
      applicationId: IDS.application,
      guildId: IDS.guild,
      commands: wanted,
    });
    expect(result.written).toBe(false);
    expect(result.changes.unchanged).toEqual(wanted.map((c) => c.name));
    expect(fake.requests.slice(before).map((r) => r.method)).toEqual(["GET"]);
    expect(formatChanges(result)).toMatch(/Nothing to change/);
  });

  it("registers globally without a guild, removing commands the catalogue no longer has", async () => {
    const dry = await deployCommands({
      rest,
      applicationId: IDS.application,
      commands: wanted,
      dryRun: true,
    });
    expect(dry).toMatchObject({
      scope: "global",
      written: false,
      changes: { removed: ["retired"] },
    });
    expect(fake.commands.global.map((c) => (c as { name: string }).name)).toEqual(["retired"]);
    const result = await deployCommands({ rest, applicationId: IDS.application, commands: wanted });
    expect(result.written).toBe(true);
    expect(fake.commands.global.map((c) => (c as { name: string }).name)).toEqual(
      wanted.map((c) => c.name),
    );
  });

  it("finds the application id from the token", async () => {
    expect(await fetchApplicationId(rest)).toBe(IDS.application);
  });

  it("explains a refused token", async () => {
    const wrong = new REST({ api: fake.apiUrl }).setToken("not-the-token");
    try {
      const error = await deployCommands({
        rest: wrong,
        applicationId: IDS.application,
        commands: wanted,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeployError);
      expect((error as Error).message).toMatch(
        /^Discord refused the bot token \(401\): check DISCORD_TOKEN/,
      );
    } finally {
      wrong.clearHashSweeper();
      wrong.clearHandlerSweeper();
    }
  });
});
