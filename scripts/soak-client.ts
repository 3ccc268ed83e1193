/**
 * What the soak's clients send and how: the command mix (a third carrying hostile text), the
 * requests exactly as Discord and Slack POST them — correctly signed, Ed25519 for Discord and v0
 * HMAC-SHA256 for Slack — and a cheap keep-alive HTTP client to send them with.
 *
 * Requests are built and signed before the timed phase: building and signing is Discord's and
 * Slack's work, done on their machines, not ours. Each carries the time it was signed; one older
 * than {@link RESIGN_AFTER_SECONDS} when its turn comes is signed again, so even a long run stays
 * inside the server's five-minute replay window without skipping its check.
 */
import { createPrivateKey, type KeyObject, randomBytes, sign } from "node:crypto";
import { Agent, request as httpRequest, type OutgoingHttpHeaders } from "node:http";
import { slackSignature } from "../src/adapters/slack/verify.js";
import { APPLICATION_ID, type Sample } from "./soak-protocol.js";

/** What people paste into chat to cause trouble; the renderers must escape all of it. */
const HOSTILE = [
  "@everyone <@123456789012345678> <@&987654321098765432>",
  "<!channel> <!here> <@U012ABCDEF> <https://evil.example|click me>",
  "**bold** __under__ `code` ```block``` > quote ||spoiler|| [link](https://evil.example)",
  "\u001b[31mred\u001b[0m \u0000\u0007 \u202eevil\u202c \u200b",
  `((a+)+)+$ ../../etc/passwd \${process.exit(1)} <script>alert(1)</script>`,
  "🇺🇦 ✊🏽 𝕳𝖊𝖑𝖑𝖔 JEF ".repeat(40),
];

export interface Scenario {
  readonly command: string;
  readonly options: Readonly<Record<string, string | number>>;
}

export function scenarios(random: () => number, withMap: boolean): Scenario[] {
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

/** A signed request is signed again when older than this (the server accepts up to 300 s). */
export const RESIGN_AFTER_SECONDS = 240;

/** One request, ready to send. */
export interface Prepared {
  readonly platform: Sample["platform"];
  readonly command: string;
  readonly path: string;
  /** Where its answer arrives if it does not come in the HTTP response. */
  readonly key: string;
  readonly body: Buffer;
  headers: OutgoingHttpHeaders;
  /** Seconds since the epoch, as in the signature. */
  signedAt: number;
}

export interface Signers {
  readonly discordPrivateKey: KeyObject;
  readonly slackSigningSecret: string;
}

export function signers(discordPrivateKeyPem: string, slackSigningSecret: string): Signers {
  return { discordPrivateKey: createPrivateKey(discordPrivateKeyPem), slackSigningSecret };
}

const CHANNELS = 3;

/** A slash command as Discord POSTs it (the fields the endpoint reads, and a few more). */
export function discordRequest(
  scenario: Scenario,
  user: number,
  serial: bigint,
  path: string,
  keys: Signers,
): Prepared {
  const id = (900000000000000000n + serial).toString();
  const token = `soak-${id}-${randomBytes(8).toString("hex")}`;
  const body = Buffer.from(
    JSON.stringify({
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
    }),
  );
  const prepared: Prepared = {
    platform: "discord",
    command: scenario.command,
    path,
    key: token,
    body,
    headers: {},
    signedAt: 0,
  };
  return signDiscord(prepared, keys);
}

function signDiscord(prepared: Prepared, keys: Signers): Prepared {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = sign(
    null,
    Buffer.concat([Buffer.from(String(timestamp)), prepared.body]),
    keys.discordPrivateKey,
  ).toString("hex");
  prepared.signedAt = timestamp;
  prepared.headers = {
    "content-type": "application/json",
    "content-length": prepared.body.length,
    "x-signature-timestamp": String(timestamp),
    "x-signature-ed25519": signature,
  };
  return prepared;
}

/** A slash command as Slack POSTs it; Slack escapes & < > in the text. */
export function slackRequest(
  scenario: Scenario,
  user: number,
  key: string,
  responseUrl: string,
  path: string,
  keys: Signers,
): Prepared {
  const text = Object.entries(scenario.options)
    .map(([name, value]) => `${name}:${String(value)}`)
    .join(" ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  const body = Buffer.from(
    new URLSearchParams({
      token: "deprecated",
      team_id: "T0SOAK",
      channel_id: `C0SOAK${user % CHANNELS}`,
      user_id: `U0SOAK${user}`,
      command: `/${scenario.command}`,
      text,
      api_app_id: "A0SOAK",
      response_url: responseUrl,
      trigger_id: "1.2.trigger",
    }).toString(),
  );
  const prepared: Prepared = {
    platform: "slack",
    command: scenario.command,
    path,
    key,
    body,
    headers: {},
    signedAt: 0,
  };
  return signSlack(prepared, keys);
}

function signSlack(prepared: Prepared, keys: Signers): Prepared {
  const timestamp = Math.floor(Date.now() / 1000);
  prepared.signedAt = timestamp;
  prepared.headers = {
    "content-type": "application/x-www-form-urlencoded",
    "content-length": prepared.body.length,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(keys.slackSigningSecret, timestamp, prepared.body),
  };
  return prepared;
}

/** Signs a request again if its signature would soon be too old for the server. */
export function freshen(prepared: Prepared, keys: Signers): Prepared {
  if (Date.now() / 1000 - prepared.signedAt < RESIGN_AFTER_SECONDS) return prepared;
  return prepared.platform === "discord" ? signDiscord(prepared, keys) : signSlack(prepared, keys);
}

export interface Reply {
  readonly status: number;
  readonly body: string;
}

/** A keep-alive client for one server: one socket per concurrent client, reused. */
export function client(serverUrl: string, concurrency: number) {
  const { hostname, port } = new URL(serverUrl);
  const agent = new Agent({
    keepAlive: true,
    maxSockets: concurrency,
    maxFreeSockets: concurrency,
    // Idle sockets are dropped before the server's 5 s keep-alive timeout closes them: reusing
    // one just as the server closes it fails with ECONNRESET (seen after a burst opened many).
    timeout: 4_000,
  });
  return {
    send(prepared: Prepared): Promise<Reply> {
      return new Promise((resolve, reject) => {
        const outgoing = httpRequest(
          { agent, hostname, port, path: prepared.path, method: "POST", headers: prepared.headers },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () =>
              resolve({
                status: response.statusCode ?? 0,
                body: Buffer.concat(chunks).toString("utf8"),
              }),
            );
            response.on("error", reject);
          },
        );
        outgoing.on("error", reject);
        outgoing.end(prepared.body);
      });
    },
    close: () => agent.destroy(),
  };
}
