/**
 * The whole program as `npm start` runs it: built with tsc, started as `node dist/src/main.js`
 * with Slack settings pointing at the fake Slack, answering signed slash commands on the shared
 * HTTP server, refusing bad signatures and timestamps, and stopping cleanly on SIGTERM.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { findCommand } from "../../../src/core/dispatch.js";
import { executeCommand } from "../../../src/core/execute.js";
import { projectRoot } from "../../../src/core/paths.js";
import { postSigned, slashCommandBody } from "../../fakes/slack/requests.js";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { shippedCore } from "../../helpers/corpus.js";
import {
  blockTexts,
  defined,
  expectNoSlackMarkupFromText,
  expectWithinSlackLimits,
  quotedText,
  sendSlash,
  unescapeForDisplay,
} from "./helpers.js";

const SECRET = "process-test-signing-secret";
const BOT_TOKEN = "xoxb-process-test";
const root = projectRoot();

let fake: FakeSlack;
let child: ChildProcess | undefined;
let eventsUrl: string;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
    cwd: root,
    timeout: 240_000,
  });
  fake = await startFakeSlack({ botToken: BOT_TOKEN });
  // A directory without a .env, so only the settings given here apply.
  const cwd = mkdtempSync(join(tmpdir(), "slack-process-"));
  child = spawn(process.execPath, [join(root, "dist", "src", "main.js")], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    },
  });
  const started = child;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("main.js did not report its HTTP address within 30 s")),
      30_000,
    );
    started.once("exit", (code) => reject(new Error(`main.js exited early with code ${code}`)));
    createInterface({ input: started.stderr as NodeJS.ReadableStream }).on("line", (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logLines.push(entry);
      if (entry.msg === "HTTP server listening" && typeof entry.url === "string") {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
  });
  eventsUrl = `${url}/slack/events`;
}, 300_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await fake?.close();
});

describe("npm start with Slack HTTP settings", () => {
  it("answers a signed /why-not-jef in the ack with verbatim, cited quotes in blocks within Slack's limits", async () => {
    const { ack } = await sendSlash(fake, eventsUrl, SECRET, { command: "/why-not-jef", text: "" });
    const message = defined(ack, "the answer in the ack from main.js");
    expectWithinSlackLimits(message);
    expectNoSlackMarkupFromText(message);

    const core = shippedCore();
    const expected = await executeCommand(
      core,
      defined(findCommand(catalogue, "why-not-jef"), "/why-not-jef in the catalogue"),
      {},
    );
    const quotes = (message.blocks ?? [])
      .filter((b) => b.type === "section" && b.text?.text.includes("\n>"))
      .map((b) => unescapeForDisplay(quotedText(b)));
    expect(quotes).toEqual(expected.excerpts.map((e) => e.quote));
    for (const excerpt of expected.excerpts) {
      expect(
        blockTexts(message).some((t) =>
          t.includes(`<${excerpt.source.url}|source, ¶${excerpt.source.paragraph}>`),
        ),
      ).toBe(true);
    }
  });

  it("returns 401 for a wrong signature, a stale and a future timestamp", async () => {
    const body = slashCommandBody({
      command: "/why-not-jef",
      text: "",
      responseUrl: fake.responseUrl("never"),
    });
    const now = Math.floor(Date.now() / 1000);
    expect((await postSigned(eventsUrl, "wrong-secret", body)).status).toBe(401);
    // A minute past the five-minute window each way: a slow machine cannot bring them back in.
    expect((await postSigned(eventsUrl, SECRET, body, { timestamp: now - 360 })).status).toBe(401);
    expect((await postSigned(eventsUrl, SECRET, body, { timestamp: now + 360 })).status).toBe(401);
    expect((await fetch(eventsUrl.replace("/slack/events", "/healthz"))).status).toBe(200);
    expect(fake.responsesTo("never")).toHaveLength(0);
  });

  it("stops cleanly on SIGTERM", async () => {
    const running = child as ChildProcess;
    const exited = new Promise<number | null>((resolve) =>
      running.once("exit", (code) => resolve(code)),
    );
    running.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(logLines.some((l) => l.msg === "stopped")).toBe(true);
  });
});
