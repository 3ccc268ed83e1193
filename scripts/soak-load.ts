/**
 * The load generator of `npm run soak`, run in a worker thread so the server under test has the
 * main thread to itself (as it would with clients on other machines). It starts the sinks the
 * adapters post to, then N clients on 127.0.0.1 send correctly signed Discord interactions and
 * Slack slash commands — Discord and Slack alternating, a mix of commands, a third carrying
 * hostile text — and measure each request until its answer is delivered.
 */
import { createPrivateKey, randomBytes, sign } from "node:crypto";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { slackSignature } from "../src/adapters/slack/verify.js";
import {
  APPLICATION_ID,
  exposeGc,
  type FromLoad,
  type LoadData,
  type Sample,
  type ToLoad,
} from "./soak-protocol.js";
import { type Arrival, startSinks } from "./soak-sinks.js";

/** What people paste into chat to cause trouble; the renderers must escape all of it. */
const HOSTILE = [
  "@everyone <@123456789012345678> <@&987654321098765432>",
  "<!channel> <!here> <@U012ABCDEF> <https://evil.example|click me>",
  "**bold** __under__ `code` ```block``` > quote ||spoiler|| [link](https://evil.example)",
  "\u001b[31mred\u001b[0m \u0000\u0007 \u202eevil\u202c \u200b",
  `((a+)+)+$ ../../etc/passwd \${process.exit(1)} <script>alert(1)</script>`,
  "🇺🇦 ✊🏽 𝕳𝖊𝖑𝖑𝖔 JEF ".repeat(40),
];

interface Scenario {
  readonly command: string;
  readonly options: Readonly<Record<string, string | number>>;
}

function scenarios(random: () => number, withMap: boolean): Scenario[] {
  const hostile = () => HOSTILE[Math.floor(random() * HOSTILE.length)] as string;
  const list: Scenario[] = [
    { command: "why-not-jef", options: {} },
    { command: "pillar", options: { name: "coalition" } },
    { command: "pillar", options: { name: "g7" } },
    { command: "search", options: { query: "Is the JEF legally binding?" } },
    { command: "search", options: { query: `JEF ${hostile()}` } },
    { command: "claim", options: { query: "coal-speed" } },
    { command: "counter", options: { topic: "NATO membership" } },
    { command: "counter", options: { topic: hostile() } },
    { command: "glossary", options: { term: "PESCO" } },
    { command: "glossary", options: { term: hostile() } },
    { command: "sources", options: {} },
    { command: "card", options: { query: "memorandum of understanding" } },
    { command: "quote", options: { topic: `coalition ${hostile()}` } },
    { command: "brief", options: { side: "against", motion: `coalition ${hostile()}` } },
    { command: "drill", options: { pillar: "coalition" } },
    { command: "help", options: { command: hostile() } },
  ];
  return withMap ? [...list, { command: "map", options: {} }] : list;
}

/** A small, seeded PRNG (mulberry32), so runs are comparable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = 3;
let snowflake = 900000000000000000n;

/** A slash command as Discord POSTs it (the fields the endpoint reads, and a few more). */
function discordInteraction(scenario: Scenario, user: number): { token: string; body: string } {
  snowflake += 1n;
  const id = snowflake.toString();
  const token = `soak-${id}-${randomBytes(8).toString("hex")}`;
  const body = JSON.stringify({
    id,
    application_id: APPLICATION_ID,
    type: 2,
    token,
    version: 1,
    channel_id: String(300000000000000000n + BigInt(user % CHANNELS)),
    member: { user: { id: String(400000000000000000n + BigInt(user)), username: "student" } },
    data: {
      id: "600000000000000006",
      name: scenario.command,
      type: 1,
      options: Object.entries(scenario.options).map(([name, value]) => ({
        name,
        type: typeof value === "number" ? 4 : 3,
        value,
      })),
    },
  });
  return { token, body };
}

/** A slash command as Slack POSTs it; Slack escapes & < > in the text. */
function slackSlashBody(scenario: Scenario, user: number, responseUrl: string): string {
  const text = Object.entries(scenario.options)
    .map(([name, value]) => `${name}:${String(value)}`)
    .join(" ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  return new URLSearchParams({
    token: "deprecated",
    team_id: "T0SOAK",
    channel_id: `C0SOAK${user % CHANNELS}`,
    user_id: `U0SOAK${user}`,
    command: `/${scenario.command}`,
    text,
    api_app_id: "A0SOAK",
    response_url: responseUrl,
    trigger_id: "1.2.trigger",
  }).toString();
}

/**
 * The first message delivered for each expected key. Anything else that reaches the sinks (the
 * later pages of an answer, or an answer that came in the HTTP response) is dropped, so the
 * generator's own bookkeeping does not grow with the run.
 */
class Deliveries {
  readonly #expected = new Set<string>();
  readonly #waiting = new Map<string, (arrival: Arrival) => void>();
  readonly #early = new Map<string, Arrival>();

  expect(key: string): void {
    this.#expected.add(key);
  }

  arrived(key: string, arrival: Arrival): void {
    if (!this.#expected.has(key)) return;
    const waiter = this.#waiting.get(key);
    if (waiter) {
      this.cancel(key);
      waiter(arrival);
    } else if (!this.#early.has(key)) this.#early.set(key, arrival);
  }

  /** The first arrival for `key`, or undefined after `timeoutMs`. */
  wait(key: string, timeoutMs: number): Promise<Arrival | undefined> {
    const early = this.#early.get(key);
    if (early) {
      this.cancel(key);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.cancel(key);
        resolve(undefined);
      }, timeoutMs);
      this.#waiting.set(key, (arrival) => {
        clearTimeout(timer);
        resolve(arrival);
      });
    });
  }

  cancel(key: string): void {
    this.#expected.delete(key);
    this.#waiting.delete(key);
    this.#early.delete(key);
  }
}

/** Our error answers carry a reference code; none may appear. */
const ERROR_ANSWER = /ERR-[0-9A-F]{8}/;
const DELIVERY_TIMEOUT_MS = 15_000;

async function run(port: NonNullable<typeof parentPort>, data: LoadData): Promise<void> {
  const { settings } = data;
  const post = (message: FromLoad) => port.postMessage(message);
  const gc = exposeGc();
  const random = prng(settings.seed);
  const mix = scenarios(random, settings.withMap);
  const privateKey = createPrivateKey(data.discordPrivateKey);
  const deliveries = new Deliveries();
  const sinks = await startSinks();
  sinks.onArrival((key, arrival) => deliveries.arrived(key, arrival));

  const server = await new Promise<Extract<ToLoad, { kind: "server" }>>((resolve) => {
    port.on("message", (message: ToLoad) => {
      if (message.kind === "server") resolve(message);
    });
    post({ kind: "sinks", slackApiUrl: sinks.slackApiUrl, discordApiUrl: sinks.discordApiUrl });
  });

  const discordUrl = `${server.url}${server.discordPath}`;
  const slackUrl = `${server.url}${server.slackPath}`;
  const sample = (
    platform: Sample["platform"],
    command: string,
    httpMs: number,
    outcome: { deliveredMs: number } | { error: string },
  ): Sample => ({ platform, command, httpMs, ...outcome });

  const discord = async (scenario: Scenario, user: number): Promise<Sample> => {
    const started = performance.now();
    const { token, body } = discordInteraction(scenario, user);
    deliveries.expect(token);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(
      null,
      Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]),
      privateKey,
    ).toString("hex");
    const response = await fetch(discordUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature-timestamp": timestamp,
        "x-signature-ed25519": signature,
      },
      body,
    });
    const text = await response.text();
    const httpMs = performance.now() - started;
    const type = response.status === 200 ? (JSON.parse(text) as { type?: number }).type : undefined;
    if (type !== 5) deliveries.cancel(token);
    if (response.status !== 200)
      return sample("discord", scenario.command, httpMs, { error: `HTTP ${response.status}` });
    if (type === 4)
      return ERROR_ANSWER.test(text)
        ? sample("discord", scenario.command, httpMs, { error: "error answer" })
        : sample("discord", scenario.command, httpMs, { deliveredMs: httpMs });
    if (type !== 5)
      return sample("discord", scenario.command, httpMs, { error: `response type ${type}` });
    const arrival = await deliveries.wait(token, DELIVERY_TIMEOUT_MS);
    if (!arrival)
      return sample("discord", scenario.command, httpMs, { error: "no deferred answer" });
    return ERROR_ANSWER.test(arrival.body)
      ? sample("discord", scenario.command, httpMs, { error: "error answer" })
      : sample("discord", scenario.command, httpMs, { deliveredMs: arrival.at - started });
  };

  const slack = async (scenario: Scenario, user: number, index: number): Promise<Sample> => {
    const started = performance.now();
    const key = `slack-${index}`;
    deliveries.expect(key);
    const body = slackSlashBody(scenario, user, sinks.responseUrl(key));
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(slackUrl, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": slackSignature(data.slackSigningSecret, timestamp, body),
      },
      body,
    });
    await response.arrayBuffer();
    const httpMs = performance.now() - started;
    if (response.status !== 200) {
      deliveries.cancel(key);
      return sample("slack", scenario.command, httpMs, { error: `HTTP ${response.status}` });
    }
    const arrival = await deliveries.wait(key, DELIVERY_TIMEOUT_MS);
    if (!arrival) return sample("slack", scenario.command, httpMs, { error: "no answer" });
    return ERROR_ANSWER.test(arrival.body)
      ? sample("slack", scenario.command, httpMs, { error: "error answer" })
      : sample("slack", scenario.command, httpMs, { deliveredMs: arrival.at - started });
  };

  const deadline = Date.now() + settings.maxSeconds * 1000;
  const samples: Sample[] = [];
  let next = 0;
  let done = 0;
  let timedOut = false;
  let measuredFrom = performance.now();
  const client = async () => {
    for (;;) {
      if (Date.now() > deadline) {
        timedOut = true;
        return;
      }
      const index = next++;
      if (index >= settings.requests) return;
      const scenario = mix[Math.floor(random() * mix.length)] as Scenario;
      const user = Math.floor(random() * 500);
      let result: Sample;
      try {
        result =
          index % 2 === 0 ? await discord(scenario, user) : await slack(scenario, user, index);
      } catch (error) {
        result = sample(index % 2 === 0 ? "discord" : "slack", scenario.command, Number.NaN, {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      done++;
      if (index >= settings.warmup) samples.push(result);
      if (done === settings.warmup) {
        gc?.();
        post({ kind: "warm" });
        measuredFrom = performance.now();
      }
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, client));
  const seconds = (performance.now() - measuredFrom) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 200)); // late follow-ups settle
  gc?.();
  port.on("message", (message: ToLoad) => {
    if (message.kind === "send-samples") post({ kind: "samples", samples });
    if (message.kind === "stop") void sinks.close().then(() => port.close());
  });
  post({ kind: "done", sent: done, seconds, timedOut, kinds: mix.length });
}

if (!isMainThread && parentPort) {
  void run(parentPort, workerData as LoadData);
}
