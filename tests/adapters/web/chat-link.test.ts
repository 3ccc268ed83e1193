/**
 * With PUBLIC_URL set, `/map` answers in Discord and Slack link to the map page focused on the
 * same point: the link travels in the answer's notes (ours), so every renderer shows it.
 */
import { describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { renderAnswer as renderDiscord } from "../../../src/adapters/discord/render.js";
import { renderAnswer as renderSlack } from "../../../src/adapters/slack/render.js";
import { parseConfig } from "../../../src/config.js";
import { createCore } from "../../../src/core/core.js";
import { findCommand } from "../../../src/core/dispatch.js";
import { executeCommand } from "../../../src/core/execute.js";
import { SHIPPED_CORPUS } from "../../helpers/corpus.js";
import { run } from "../../helpers/run.js";

const config = parseConfig({ PUBLIC_URL: "https://debate.example.edu/" });
const core = createCore(SHIPPED_CORPUS, { publicUrl: config.publicUrl as string });
const map = findCommand(catalogue, "map");

async function mapAnswer(options: Record<string, unknown>) {
  if (!map) throw new Error("no /map command");
  return executeCommand(core, map, options);
}

describe("PUBLIC_URL", () => {
  it("is read without its trailing slash, and must be an http(s) URL", () => {
    expect(config.publicUrl).toBe("https://debate.example.edu");
    expect(parseConfig({}).publicUrl).toBeUndefined();
    expect(() => parseConfig({ PUBLIC_URL: "debate.example.edu" })).toThrow(/PUBLIC_URL: expected/);
  });

  it("makes /map answers link to the page focused on the point the answer resolved", async () => {
    const corrected = await mapAnswer({ focus: "coaliton", format: "svg" });
    expect(corrected.notes).toContain(
      "On the web page: https://debate.example.edu/map?focus=coalition",
    );
    const wider = await mapAnswer({ focus: "coal-speed", depth: 3, format: "svg" });
    expect(wider.notes).toContain(
      "On the web page: https://debate.example.edu/map?focus=coal-speed&depth=3",
    );
    const whole = await mapAnswer({ format: "svg" });
    expect(whole.notes).toContain("On the web page: https://debate.example.edu/map");
  });

  it("shows the link in Discord and in Slack", async () => {
    const answer = await mapAnswer({ focus: "coalition", format: "svg" });
    const link = "https://debate.example.edu/map?focus=coalition";
    expect(JSON.stringify(renderDiscord(answer, { ephemeral: false }))).toContain(link);
    expect(JSON.stringify(renderSlack(answer, { isPublic: true }).messages())).toContain(link);
  });

  it("adds no link when it is not set", async () => {
    const answer = await run("map", { focus: "coalition", format: "svg" });
    expect(answer.notes.join(" ")).not.toContain("On the web page");
  });
});
