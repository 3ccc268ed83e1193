/** Start-up against the fake Slack: wrong tokens stop the start with an error saying what to fix. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import {
  createSlackHttpAdapter,
  SlackStartError,
  startSlackSocketMode,
} from "../../../src/adapters/slack/app.js";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { shippedCore } from "../../helpers/corpus.js";
import { memoryLogger } from "./helpers.js";

let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: "xoxb-right", appToken: "xapp-right" });
});

afterAll(async () => {
  await fake?.close();
});

const base = () => ({
  core: shippedCore(),
  catalogue,
  logger: memoryLogger().logger,
  apiUrl: fake.apiUrl,
});

describe("Slack start-up", () => {
  it("refuses to start in HTTP mode when auth.test rejects the bot token", async () => {
    const start = createSlackHttpAdapter({ ...base(), botToken: "xoxb-wrong", signingSecret: "s" });
    await expect(start).rejects.toThrow(SlackStartError);
    await expect(start).rejects.toThrow(
      /refused the bot token \(invalid_auth\); check SLACK_BOT_TOKEN/,
    );
  });

  it("refuses to start in Socket Mode when apps.connections.open rejects the app token", async () => {
    const start = startSlackSocketMode({
      ...base(),
      botToken: "xoxb-right",
      appToken: "xapp-wrong",
    });
    await expect(start).rejects.toThrow(
      /could not open the Socket Mode connection \(invalid_auth\); check SLACK_APP_TOKEN/,
    );
    expect(fake.socketConnections()).toBe(0);
  });

  it("accepts an API base without the trailing slash", async () => {
    const adapter = await createSlackHttpAdapter({
      ...base(),
      apiUrl: fake.apiUrl.replace(/\/$/, ""),
      botToken: "xoxb-right",
      signingSecret: "s",
    });
    expect(fake.calls.some((c) => c.method === "auth.test" && c.token === "xoxb-right")).toBe(true);
    await adapter.stop();
  });
});
