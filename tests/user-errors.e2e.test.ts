/**
 * Mistakes a new user makes in settings and arguments, tried on the built program (`npm test`
 * builds it first): each ends with one line naming the setting or argument and what to do, a
 * non-zero exit code, and no stack trace.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { type AddressInfo, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/core/paths.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack/server.js";

const root = projectRoot();
/** Outside the project, so no developer's .env is read. */
const cwd = mkdtempSync(join(tmpdir(), "user-errors-"));

interface Outcome {
  readonly code: number | null;
  readonly stderr: string;
}

function run(script: string, args: readonly string[], env: Record<string, string>) {
  return new Promise<Outcome>((resolve) => {
    execFile(
      process.execPath,
      [join(root, "dist", script), ...args],
      { cwd, env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", ...env }, timeout: 30_000 },
      (error, _stdout, stderr) =>
        resolve({ code: error ? ((error.code as number | null) ?? null) : 0, stderr }),
    );
  });
}

/** The lines a person reads: the program's JSON log lines left aside. */
function messageLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("{"));
}

function expectOneLineNaming(outcome: Outcome, name: string): void {
  expect(outcome.code).not.toBe(0);
  const lines = messageLines(outcome.stderr);
  expect(lines, outcome.stderr).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
}

let slack: FakeSlack;
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  slack = await startFakeSlack({ botToken: "xoxb-the-right-one" });
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
  busyPort = (busy.address() as AddressInfo).port;
});

afterAll(async () => {
  await slack?.close();
  await new Promise<void>((resolve) => busy.close(() => resolve()));
});

describe("npm start with a setting to fix", () => {
  it("PORT=abc names PORT and what it must be", async () => {
    const outcome = await run("src/main.js", [], { PORT: "abc" });
    expectOneLineNaming(outcome, "PORT: expected a port number from 0 to 65535");
  });

  it("a PORT already in use names PORT and says to pick a free one", async () => {
    const outcome = await run("src/main.js", [], {
      PORT: String(busyPort),
      DISCORD_PUBLIC_KEY: "a".repeat(64),
      DISCORD_APPLICATION_ID: "123456789",
    });
    expectOneLineNaming(outcome, `PORT ${busyPort} on 127.0.0.1 is already in use`);
  });

  it("a Slack bot token Slack refuses names SLACK_BOT_TOKEN", async () => {
    const outcome = await run("src/main.js", [], {
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-a-wrong-one",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: slack.apiUrl,
    });
    expectOneLineNaming(outcome, "refused the bot token (invalid_auth); check SLACK_BOT_TOKEN");
  });
});

describe("npm run slack:manifest with a wrong argument", () => {
  const committed = () => readFileSync(join(root, "manifest.yml"), "utf8");

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--url", "notaurl"], "--url must be the server's public address"],
    [["--url", "ftp://example.edu"], "--url must be the server's public address"],
  ])("%j is refused in one line, and manifest.yml is left alone", async (args, message) => {
    const before = committed();
    const outcome = await run("scripts/slack-manifest.js", args, {});
    expectOneLineNaming(outcome, message);
    expect(committed()).toBe(before);
  });
});
