/**
 * Minimal stand-ins for the platform endpoints the adapters call during `npm run soak`, on
 * 127.0.0.1: Slack's Web API (auth.test at start-up) and response_urls, and Discord's REST API
 * for webhook edits and follow-ups. They answer at once and note when each delivery arrived, so
 * the soak can measure the time to the delivered answer. (The test fakes do far more and are not
 * part of the build.)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A message that reached a sink: which request it answers, when, and what it said. */
export interface Arrival {
  readonly at: number;
  readonly body: string;
}

export interface Sinks {
  /** For SLACK_API_URL. */
  readonly slackApiUrl: string;
  /** For DISCORD_API_URL. */
  readonly discordApiUrl: string;
  /** A response_url whose posts are reported under `key`. */
  responseUrl(key: string): string;
  /** Called with the key (Slack: the response_url's; Discord: the interaction token) of each arrival. */
  onArrival(listener: (key: string, arrival: Arrival) => void): void;
  close(): Promise<void>;
}

const BOT = { id: "500000000000000005", username: "soak-bot", discriminator: "0", bot: true };

export async function startSinks(): Promise<Sinks> {
  const listeners: ((key: string, arrival: Arrival) => void)[] = [];
  const arrived = (key: string, body: string) => {
    const arrival = { at: performance.now(), body };
    for (const listener of listeners) listener(key, arrival);
  };
  const server: Server = createServer((request, response) => {
    void read(request).then(
      (body) => route(request, response, body, arrived),
      () => response.destroy(),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    slackApiUrl: `${base}/slack-api/`,
    discordApiUrl: `${base}/discord-api`,
    responseUrl: (key) => `${base}/response/${encodeURIComponent(key)}`,
    onArrival: (listener) => {
      listeners.push(listener);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function route(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  arrived: (key: string, body: string) => void,
): void {
  const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
  const slackApi = /^\/slack-api\/([\w.]+)$/.exec(path);
  if (slackApi) {
    json(
      response,
      200,
      slackApi[1] === "auth.test"
        ? { ok: true, user_id: "U0SOAK", bot_id: "B0SOAK", team_id: "T0SOAK", user: "soak-bot" }
        : { ok: true },
    );
    return;
  }
  const responseUrl = /^\/response\/([^/]+)$/.exec(path);
  if (responseUrl && request.method === "POST") {
    arrived(decodeURIComponent(responseUrl[1] ?? ""), body);
    json(response, 200, { ok: true });
    return;
  }
  const webhook = /^\/discord-api\/v10\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(
    path,
  );
  if (webhook) {
    arrived(webhook[2] ?? "", body);
    if (request.method === "DELETE") {
      response.writeHead(204).end();
      return;
    }
    json(response, 200, {
      id: "800000000000000008",
      channel_id: "300000000000000003",
      type: 19,
      content: "",
      author: BOT,
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    });
    return;
  }
  json(response, 404, { message: "404: Not Found", code: 0 });
}

async function read(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}
