/**
 * The built program (`node dist/src/main.js`, as `npm start` runs it) from the outside, with every
 * chat front end pointed at the local fakes: a corpus that fails its checks stops the start
 * before anything listens or connects, and SIGTERM / SIGINT stop it gracefully — no new
 * connections, requests already arriving answered, answers in flight delivered, the gateway
 * closed — with exit code 0.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { type AddressInfo, connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/core/paths.js";
import { postInteraction, testKeys } from "./adapters/discord/signing.js";
import { FakeDiscord, rateLimited } from "./fakes/discord/fake-discord.js";
import { IDS, slashCommand } from "./fakes/discord/payloads.js";
import { postSigned, sign, slashCommandBody } from "./fakes/slack/requests.js";
import { type FakeSlack, startFakeSlack } from "./fakes/slack/server.js";
import { corpusCopy, SHIPPED_CORPUS, SHIPPED_DOC } from "./helpers/corpus.js";

const root = projectRoot();
const MAIN = join(root, "dist", "src", "main.js");
const SLACK_SECRET = "main-e2e-signing-secret";
const SLACK_TOKEN = "xoxb-main-e2e";
const keys = testKeys();
/** Outside the project, so no developer's .env is read. */
const cwd = mkdtempSync(join(tmpdir(), "main-e2e-"));

let discord: FakeDiscord;
let slack: FakeSlack;

beforeAll(async () => {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  // Errors elsewhere in the tree must not stop the emit this test needs.
  await promisify(execFile)(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
    cwd: root,
    timeout: 240_000,
  }).catch(() => undefined);
  discord = await FakeDiscord.start({ heartbeatIntervalMs: 1000 });
  slack = await startFakeSlack({ botToken: SLACK_TOKEN });
}, 300_000);

afterAll(async () => {
  await discord?.close();
  await slack?.close();
});

interface Program {
  readonly child: ChildProcess;
  readonly logs: Record<string, unknown>[];
  readonly stderr: string[];
  readonly exited: Promise<number | null>;
  waitForLog(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
}

const running: Program[] = [];

afterEach(() => {
  for (const program of running.splice(0))
    if (program.child.exitCode === null && program.child.signalCode === null)
      program.child.kill("SIGKILL");
});

function startProgram(env: Record<string, string>): Program {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const waiters: { msg: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", (text) => {
    stderr.push(text);
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    logs.push(line);
    for (const waiter of waiters.filter((w) => w.msg === line.msg)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const program: Program = {
    child,
    logs,
    stderr,
    exited,
    waitForLog: (msg, timeoutMs = 30_000) => {
      const seen = logs.find((l) => l.msg === msg);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${msg}" log within ${timeoutMs} ms: ${stderr.join("\n")}`)),
          timeoutMs,
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
  running.push(program);
  return program;
}

/** Settings for every chat front end, all pointed at the fakes. */
function chatSettings(port: number): Record<string, string> {
  return {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_APPLICATION_ID: IDS.application,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
  };
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether a TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function postDiscord(url: string, payload: unknown) {
  const response = await postInteraction(
    `${url}/discord/interactions`,
    keys,
    JSON.stringify(payload),
  );
  return { status: response.status, json: (await response.json()) as { type: number } };
}

describe("a corpus that fails its checks at start-up", () => {
  it("stops with exit code 1 and a message naming the file and the node, before anything listens or connects", async () => {
    const broken = corpusCopy(
      [SHIPPED_CORPUS],
      [
        {
          file: `${SHIPPED_DOC}/map.yaml`,
          from: "thus, it is not a Treaty-bound arrangement",
          to: "thus, it is a Treaty-bound arrangement",
        },
      ],
    );
    const port = await freePort();
    const slackCalls = slack.calls.length;
    const discordRequests = discord.requests.length;
    const program = startProgram({ ...chatSettings(port), CORPUS_DIR: broken });
    expect(await program.exited).toBe(1);
    const output = program.stderr.join("\n");
    expect(output).toContain(`${SHIPPED_DOC}/map.yaml [reb-jef-not-treaty]: quote-not-verbatim`);
    expect(output).toMatch(/^Corpus: 1 problem found; fix them and run `npm run validate`:/m);
    expect(program.logs.map((l) => l.msg)).not.toContain("HTTP server listening");
    expect(await accepts(port)).toBe(false);
    // Neither platform was contacted: no login, no token check.
    expect(slack.calls.length).toBe(slackCalls);
    expect(discord.requests.length).toBe(discordRequests);
  }, 60_000);
});

describe("graceful shutdown", () => {
  it("on SIGTERM: refuses new connections, answers the request being received, delivers answers in flight, closes the gateway, exits 0", async () => {
    const program = startProgram(chatSettings(0));
    await program.waitForLog("Discord gateway ready");
    const listening = await program.waitForLog("HTTP server listening");
    const url = String(listening.url);
    const port = Number(new URL(url).port);

    // 1. A Slack answer in flight: the response_url fails twice, so it is still being retried.
    // (/export uploads a file first, so its answer goes to the response_url, not in the ack.)
    slack.failResponses("in-flight", 2, 500);
    const slash = await postSigned(
      `${url}/slack/events`,
      SLACK_SECRET,
      slashCommandBody({
        command: "/export",
        text: "format:argdown",
        responseUrl: slack.responseUrl("in-flight"),
      }),
    );
    expect(slash.status).toBe(200);
    await slack.waitFor(() => slack.refused.some((r) => r.sink === "in-flight"));

    // 2. A deferred Discord answer in flight: its edit is held off by a 429 for half a second.
    const map = slashCommand("map");
    const edit = (r: { method: string; path: string }) =>
      r.method === "PATCH" && r.path.includes(`/${map.token}/messages/@original`);
    discord.failures.push({
      predicate: edit,
      response: rateLimited(0.5, "shared"),
      times: 1,
    });
    expect((await postDiscord(url, map)).json).toEqual({ type: 5, data: {} });
    await discord.waitForRequest(edit, 20_000);

    // 3. A request still being received: headers and half the body sent.
    const body = slashCommandBody({
      command: "/pillar",
      text: "g7",
      responseUrl: slack.responseUrl("late-arrival"),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const half = Math.floor(body.length / 2);
    const arriving = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${url}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(SLACK_SECRET, timestamp, body),
        },
      });
      req.once("response", (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.once("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      req.once("error", reject);
      req.write(body.slice(0, half));
      program
        .waitForLog("shutting down: finishing in-flight answers")
        .then(() => req.end(body.slice(half)), reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the half body arrive

    program.child.kill("SIGTERM");
    await program.waitForLog("shutting down: finishing in-flight answers");
    expect(await accepts(port)).toBe(false);
    const late = await arriving;
    expect(late.status).toBe(200);

    const code = await program.exited;
    expect(code).toBe(0);
    // Everything in flight arrived before the process ended.
    expect(slack.responsesTo("in-flight")[0]?.blocks?.[0]?.text?.text).toMatch(/^Export: /);
    // The late request's answer came in its ack (the HTTP response).
    expect(
      (JSON.parse(late.body) as { blocks?: { text?: { text?: string } }[] }).blocks?.[0]?.text
        ?.text,
    ).toMatch(/^Pillar: /);
    const edits = discord.requests.filter(edit);
    expect(edits).toHaveLength(2);
    expect(edits[1]?.files[0]?.contentType).toBe("image/png");
    const messages = program.logs.map((l) => l.msg);
    expect(messages).toContain("HTTP server closed");
    expect(messages).toContain("Discord gateway closed");
    expect(messages.at(-1)).toBe("stopped");
    expect(await accepts(port)).toBe(false);
  }, 90_000);

  it("on SIGINT with nothing in flight: stops at once with exit code 0 and closes the port", async () => {
    const port = await freePort();
    const withoutGateway = Object.entries(chatSettings(port)).filter(
      ([k]) => k !== "DISCORD_TOKEN",
    );
    const program = startProgram(Object.fromEntries(withoutGateway));
    await program.waitForLog("HTTP server listening");
    expect(await accepts(port)).toBe(true);
    program.child.kill("SIGINT");
    expect(await program.exited).toBe(0);
    expect(
      program.logs.find((l) => l.msg === "shutting down: finishing in-flight answers"),
    ).toMatchObject({
      signal: "SIGINT",
    });
    expect(await accepts(port)).toBe(false);
  }, 60_000);
});
