import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { catalogue } from "../../../commands/index.js";
import {
  BOT_SCOPES,
  slackManifest,
  slackManifestYaml,
  usageHint,
} from "../../../src/adapters/slack/manifest.js";
import { projectRoot } from "../../../src/core/paths.js";
import { practise } from "../../fixtures/slack/commands.js";

interface SlashCommandEntry {
  command: string;
  url?: string;
  description: string;
  usage_hint: string;
  should_escape: boolean;
}

describe("Slack app manifest", () => {
  it("is committed as generated from the current catalogue (run `npm run slack:manifest` after changing commands)", () => {
    const committed = readFileSync(join(projectRoot(), "manifest.yml"), "utf8");
    expect(committed).toBe(slackManifestYaml(catalogue));
  });

  it("declares every catalogue command with its description, a usage hint and the events URL", () => {
    const manifest = parse(slackManifestYaml(catalogue)) as {
      features: { slash_commands: SlashCommandEntry[] };
      settings: Record<string, unknown>;
    };
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual(catalogue.map((c) => `/${c.name}`));
    for (const [i, command] of catalogue.entries()) {
      expect(commands[i]).toEqual({
        command: `/${command.name}`,
        url: "https://YOUR-HOST.example/slack/events",
        description: command.description,
        usage_hint: usageHint(command),
        should_escape: false,
      });
      expect(commands[i]?.usage_hint.length).toBeLessThanOrEqual(1000);
      expect(commands[i]?.command.length).toBeLessThanOrEqual(32);
    }
    expect(catalogue.length).toBeLessThanOrEqual(50);
    expect(manifest.settings).toMatchObject({
      interactivity: { is_enabled: true, request_url: "https://YOUR-HOST.example/slack/events" },
      socket_mode_enabled: false,
    });
  });

  it("asks for the scopes the adapter uses", () => {
    expect(slackManifest(catalogue)).toMatchObject({
      oauth_config: { scopes: { bot: ["commands", "chat:write", "files:write", "im:write"] } },
    });
    expect(BOT_SCOPES).toContain("commands");
  });

  it("leaves out request URLs in Socket Mode and uses a given public address", () => {
    const socket = slackManifest(catalogue, { socketMode: true }) as {
      features: { slash_commands: SlashCommandEntry[] };
      settings: { interactivity: Record<string, unknown>; socket_mode_enabled: boolean };
    };
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
    expect(socket.features.slash_commands.every((c) => c.url === undefined)).toBe(true);
    const hosted = slackManifest(catalogue, { baseUrl: "https://debate.example.edu/" }) as {
      settings: { interactivity: { request_url: string } };
    };
    expect(hosted.settings.interactivity.request_url).toBe(
      "https://debate.example.edu/slack/events",
    );
  });

  it("writes usage hints from the option schema: required positional, optional named, plus --public", () => {
    expect(usageHint(practise)).toBe("[--round n] [--reply text] [--public]");
    const search = catalogue.find((c) => c.name === "search");
    expect(search && usageHint(search)).toBe("<query> [--page n] [--public]");
  });

  it("hints the shared reading option as an id on every command of one reading's map", () => {
    const pillar = catalogue.find((c) => c.name === "pillar");
    expect(pillar && usageHint(pillar)).toBe("<name> [--reading id] [--public]");
    const counter = catalogue.find((c) => c.name === "counter");
    expect(counter && usageHint(counter)).toBe("[--topic text] [--reading id] [--public]");
  });
});
