/**
 * The built program, as `npm start` and `npm run deploy-commands` run it: compiled with
 * `tsc -p tsconfig.build.json`, started as a child process with Discord settings that point at a
 * fake Discord on 127.0.0.1, and checked from the outside (gateway login and answer, a signed
 * HTTP interaction, graceful shutdown; the deploy script's report and its PUT).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { projectRoot } from "../../../src/core/paths.js";
import { FakeDiscord } from "../../fakes/discord/fake-discord.js";
import { IDS, ping, slashCommand } from "../../fakes/discord/payloads.js";
import { shippedCore } from "../../helpers/corpus.js";
import { expectSafeMessage, expectVerbatimCitedQuotes, messageIn } from "./e2e-checks.js";
import { signature, testKeys } from "./signing.js";

const run = promisify(execFile);
const root = projectRoot();
const main = join(root, "dist/src/main.js");
const deploy = join(root, "dist/scripts/deploy-commands.js");
const keys = testKeys();
/** Outside the project, so no developer's .env is read. */
const cwd = mkdtempSync(join(tmpdir(), "discord-e2e-"));

let fake: FakeDiscord;

beforeAll(async () => {
  // Errors elsewhere in the tree must not stop the emit this test needs; missing output does.
  await run("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root }).catch(
    (error: { stdout?: string }) => {
      process.stderr.write(
        `tsc reported problems (the build still emits):\n${error.stdout ?? ""}\n`,
      );
    },
  );
  expect(existsSync(main) && existsSync(deploy)).toBe(true);
  fake = await FakeDiscord.start();
}, 180_000);

afterAll(async () => {
  await fake?.close();
});

interface Started {
  readonly child: ChildProcess;
  readonly logs: Record<string, unknown>[];
  waitForLog(msg: string): Promise<Record<string, unknown>>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [main], {
    cwd,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const waiters: { msg: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text);
    } catch {
      line = { msg: text };
    }
    logs.push(line);
    for (const waiter of waiters.filter((w) => w.msg === line.msg)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  return {
    child,
    logs,
    waitForLog: (msg) => {
      const seen = logs.find((l) => l.msg === msg);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${msg}" log within 20 s; logs: ${JSON.stringify(logs)}`)),
          20_000,
        );
        waiters.push({
          msg,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
}

describe("npm start with Discord settings", () => {
  let program: Started;

  afterAll(() => {
    if (program?.child.exitCode === null) program.child.kill("SIGKILL");
  });

  it("logs in through DISCORD_API_URL, answers a gateway interaction and a signed HTTP interaction, and stops cleanly", async () => {
    program = start({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_APPLICATION_ID: IDS.application,
      HOST: "127.0.0.1",
      PORT: "0",
    });
    const ready = await program.waitForLog("Discord gateway ready");
    expect(ready).toMatchObject({ user: "debate-prep", commands: catalogue.length });
    expect(fake.identifies.at(-1)).toMatchObject({ token: fake.token, intents: 1 });

    const interaction = slashCommand("why-not-jef");
    const callback = await fake.interact(interaction, 20_000);
    const message = messageIn(callback);
    expect((callback.json as { type: number }).type).toBe(4);
    expectSafeMessage(message);
    expect(expectVerbatimCitedQuotes(shippedCore(), [message])).toBeGreaterThanOrEqual(3);

    const listening = await program.waitForLog("HTTP server listening");
    const url = `${String(listening.url)}/discord/interactions`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const post = (body: string, sig: string) =>
      fetch(url, {
        method: "POST",
        headers: { "x-signature-timestamp": timestamp, "x-signature-ed25519": sig },
        body,
      });
    const body = JSON.stringify(ping());
    const pong = await post(body, signature(keys, timestamp, body));
    expect(await pong.json()).toEqual({ type: 1 });
    expect((await post(body, signature(testKeys(), timestamp, body))).status).toBe(401);

    const exited = new Promise<number | null>((resolve) =>
      program.child.once("exit", (code) => resolve(code)),
    );
    program.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(program.logs.map((l) => l.msg)).toContain("Discord gateway closed");
    expect(program.logs.at(-1)?.msg).toBe("stopped");
  }, 60_000);
});

describe("npm run deploy-commands", () => {
  const env = (extra: Record<string, string>) => ({
    PATH: process.env.PATH ?? "",
    DISCORD_API_URL: fake.apiUrl,
    ...extra,
  });

  it("registers every command in the guild, printing what changed, then reports nothing left to change", async () => {
    const first = await run(process.execPath, [deploy], {
      cwd,
      env: env({ DISCORD_TOKEN: fake.token, DISCORD_GUILD_ID: IDS.guild }),
    });
    expect(first.stdout).toMatch(
      new RegExp(
        `^Discord commands \\(guild ${IDS.guild}\\): ${catalogue.length} added, 0 changed, 0 removed, 0 unchanged\\n`,
      ),
    );
    expect(first.stdout).toContain("  + /why-not-jef\n");
    expect(first.stdout.trim().split("\n").at(-1)).toBe("Registered the commands.");
    expect(
      (fake.commands.guilds.get(IDS.guild) ?? []).map((c) => (c as { name: string }).name),
    ).toEqual(catalogue.map((c) => c.name));

    const again = await run(process.execPath, [deploy, "--dry-run"], {
      cwd,
      env: env({ DISCORD_TOKEN: fake.token, DISCORD_GUILD_ID: IDS.guild }),
    });
    expect(again.stdout).toMatch(
      new RegExp(`: 0 added, 0 changed, 0 removed, ${catalogue.length} unchanged\\n`),
    );
    expect(again.stdout.trim().split("\n").at(-1)).toBe("Dry run: nothing was registered.");
  }, 30_000);

  it("fails with an actionable message for a refused token, and asks for a missing one", async () => {
    const refused = await run(process.execPath, [deploy], {
      cwd,
      env: env({ DISCORD_TOKEN: "wrong-token" }),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^Discord refused the bot token \(401\): check DISCORD_TOKEN/),
    });
    const missing = await run(process.execPath, [deploy], { cwd, env: env({}) }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^deploy-commands: set DISCORD_TOKEN/),
    });
  }, 30_000);
});
