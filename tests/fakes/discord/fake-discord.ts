/**
 * A stand-in for Discord on 127.0.0.1 that the real discord.js client talks to: the REST API
 * (`/api/v10/...`: gateway discovery, the bot user, command registration, interaction callbacks,
 * webhook edits and follow-ups) and the gateway WebSocket (HELLO, IDENTIFY → READY, heartbeats,
 * dispatches, RESUME → missed dispatches replayed → RESUMED, and dropped connections on demand).
 * Every REST request is recorded with its parsed body, so tests assert exact bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { BOT_USER, IDS } from "./payloads.js";

export interface RecordedFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export interface RecordedRequest {
  readonly method: string;
  /** The route after `/api/v10`, e.g. `/interactions/123/token-123/callback`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  /** The JSON body, or `payload_json` of a multipart body. */
  readonly json: unknown;
  readonly files: readonly RecordedFile[];
}

export interface CannedResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Discord's 429, as its REST API sends it: discord.js waits `retryAfterSeconds` and retries. */
export function rateLimited(
  retryAfterSeconds: number,
  scope: "user" | "shared" = "user",
): CannedResponse {
  return {
    status: 429,
    body: { message: "You are being rate limited.", retry_after: retryAfterSeconds, global: false },
    headers: { "retry-after": String(retryAfterSeconds), "x-ratelimit-scope": scope },
  };
}

export interface FakeDiscordOptions {
  readonly token?: string;
  readonly heartbeatIntervalMs?: number;
  /** Commands registered before the test, globally and per guild. */
  readonly registered?: {
    readonly global?: readonly unknown[];
    readonly guilds?: Readonly<Record<string, readonly unknown[]>>;
  };
}

interface Waiter {
  readonly predicate: (request: RecordedRequest) => boolean;
  readonly resolve: (request: RecordedRequest) => void;
}

const FAKE_TOKEN = "fake-bot-token.for-loopback-tests-only";

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  /** RESUME payloads received (a client continuing its session after a dropped connection). */
  readonly resumes: { seq: unknown; session_id: unknown }[] = [];
  heartbeats = 0;
  readonly commands: { global: unknown[]; guilds: Map<string, unknown[]> };
  /** Set to answer the next matching request with a canned error (e.g. 10062, 429, 500). */
  readonly failures: {
    predicate: (request: RecordedRequest) => boolean;
    response: CannedResponse;
    times: number;
  }[] = [];

  readonly #server: Server;
  readonly #gateway: WebSocketServer;
  readonly #options: FakeDiscordOptions;
  readonly #sessions = new Set<WebSocket>();
  readonly #waiters: Waiter[] = [];
  readonly #identifyWaiters: (() => void)[] = [];
  /** Every dispatch sent, so a resuming client gets the ones it missed. */
  readonly #dispatched: { s: number; frame: string }[] = [];
  #sequence = 0;
  #port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.#options = options;
    this.commands = {
      global: [...(options.registered?.global ?? [])],
      guilds: new Map(
        Object.entries(options.registered?.guilds ?? {}).map(([guild, list]) => [guild, [...list]]),
      ),
    };
    this.#server = createServer((request, response) => {
      void this.#handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) json(response, 500, { message: String(error), code: 0 });
      });
    });
    this.#gateway = new WebSocketServer({ noServer: true });
    this.#server.on("upgrade", (request, socket, head) => {
      if (!(request.url ?? "").startsWith("/gateway")) {
        socket.destroy();
        return;
      }
      this.#gateway.handleUpgrade(request, socket, head, (ws) => this.#session(ws));
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  get token(): string {
    return this.#options.token ?? FAKE_TOKEN;
  }

  /** What DISCORD_API_URL should be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}/gateway`;
  }

  /** Sends a gateway dispatch to every identified session. */
  dispatch(event: string, data: unknown): void {
    const s = ++this.#sequence;
    const frame = JSON.stringify({ op: 0, t: event, s, d: data });
    this.#dispatched.push({ s, frame });
    for (const session of this.#sessions) session.send(frame);
  }

  /**
   * Drops every gateway connection, as a network fault or a Discord restart does: with a close
   * frame carrying `code` (4000 "unknown error" is resumable), or abruptly without one.
   */
  dropConnections(how: { readonly code: number } | "abruptly"): void {
    for (const session of this.#sessions) {
      this.#sessions.delete(session);
      if (how === "abruptly") session.terminate();
      else session.close(how.code, "fake Discord dropped the connection");
    }
  }

  /** Resolves once a client has resumed its session `count` times in all. */
  async waitForResumes(count: number, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (this.resumes.length < count) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`fake Discord: no resume within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Dispatches INTERACTION_CREATE and waits for its first callback (the response). */
  async interact(payload: { id: string }, timeoutMs = 10_000): Promise<RecordedRequest> {
    const callback = this.waitForRequest(
      (r) => r.path.startsWith(`/interactions/${payload.id}/`),
      timeoutMs,
    );
    this.dispatch("INTERACTION_CREATE", payload);
    return callback;
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = 10_000,
  ): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#waiters.push({
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }

  /** Resolves once a client has identified (now or later). */
  waitForIdentify(): Promise<void> {
    if (this.identifies.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.#identifyWaiters.push(resolve));
  }

  /** Requests made for one interaction: its callback, then webhook edits and follow-ups by token. */
  requestsFor(interaction: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.path.startsWith(`/interactions/${interaction.id}/`) ||
        r.path.includes(`/${interaction.token}`),
    );
  }

  async close(): Promise<void> {
    for (const session of this.#sessions) session.terminate();
    await new Promise<void>((resolve) => this.#gateway.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #session(ws: WebSocket): void {
    ws.send(
      JSON.stringify({
        op: 10,
        d: { heartbeat_interval: this.#options.heartbeatIntervalMs ?? 41_250 },
        s: null,
        t: null,
      }),
    );
    ws.on("message", (raw) => {
      let frame: { op?: number; d?: Record<string, unknown> };
      try {
        frame = JSON.parse(String(raw));
      } catch {
        ws.close(4002, "Decode error");
        return;
      }
      if (frame.op === 1) {
        this.heartbeats++;
        ws.send(JSON.stringify({ op: 11 }));
      } else if (frame.op === 2) {
        if (frame.d?.token !== this.token) {
          ws.close(4004, "Authentication failed");
          return;
        }
        this.identifies.push(frame.d);
        this.#sessions.add(ws);
        ws.send(
          JSON.stringify({
            op: 0,
            t: "READY",
            s: ++this.#sequence,
            d: {
              v: 10,
              user: { ...BOT_USER, verified: true, mfa_enabled: false, flags: 0 },
              guilds: [],
              session_id: "fake-session",
              resume_gateway_url: this.gatewayUrl,
              shard: [0, 1],
              application: { id: IDS.application, flags: 0 },
            },
          }),
        );
        for (const waiter of this.#identifyWaiters.splice(0)) waiter();
      } else if (frame.op === 6) {
        if (frame.d?.token !== this.token || frame.d?.session_id !== "fake-session") {
          ws.send(JSON.stringify({ op: 9, d: false }));
          return;
        }
        this.resumes.push({ seq: frame.d.seq, session_id: frame.d.session_id });
        this.#sessions.add(ws);
        const since = typeof frame.d.seq === "number" ? frame.d.seq : 0;
        for (const missed of this.#dispatched.filter((d) => d.s > since)) ws.send(missed.frame);
        ws.send(JSON.stringify({ op: 0, t: "RESUMED", s: ++this.#sequence, d: {} }));
      }
    });
    ws.on("close", () => this.#sessions.delete(ws));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = request.headers["content-type"];
    const { body, files } = await parseBody(raw, contentType);
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ""),
      query: url.searchParams,
      authorization: request.headers.authorization,
      contentType,
      json: body,
      files,
    };
    this.requests.push(recorded);
    for (const waiter of this.#waiters.filter((w) => w.predicate(recorded))) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(recorded);
    }

    const failure = this.failures.find((f) => f.times > 0 && f.predicate(recorded));
    if (failure) {
      failure.times--;
      json(
        response,
        failure.response.status,
        failure.response.body ?? {},
        failure.response.headers,
      );
      return;
    }
    this.#route(recorded, response);
  }

  #route(request: RecordedRequest, response: ServerResponse): void {
    const { method, path } = request;
    const authorised = request.authorization === `Bot ${this.token}`;
    const unauthorised = () => json(response, 401, { message: "401: Unauthorized", code: 0 });

    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      if (request.query.get("with_response") === "true")
        json(response, 200, { interaction: { id: path.split("/")[2], type: 2 } });
      else empty(response);
      return;
    }
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (webhook) {
      if (method === "DELETE" && webhook[3]) empty(response);
      else if ((method === "PATCH" && webhook[3]) || (method === "POST" && !webhook[3]))
        json(response, 200, messageFrom(request.json));
      else json(response, 405, { message: "405: Method Not Allowed", code: 0 });
      return;
    }
    if (!authorised) {
      unauthorised();
      return;
    }
    if (method === "GET" && path === "/gateway/bot") {
      json(response, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: 1,
        },
      });
      return;
    }
    if (method === "GET" && path === "/users/@me") {
      json(response, 200, { ...BOT_USER, verified: true, mfa_enabled: false, flags: 0 });
      return;
    }
    if (method === "GET" && path === "/applications/@me") {
      json(response, 200, {
        id: IDS.application,
        name: "Debate prep",
        description: "",
        bot: BOT_USER,
        flags: 0,
      });
      return;
    }
    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (commands && commands[1] === IDS.application) {
      const guild = commands[2];
      const list = guild ? (this.commands.guilds.get(guild) ?? []) : this.commands.global;
      if (method === "GET") {
        json(response, 200, list);
        return;
      }
      if (method === "PUT" && Array.isArray(request.json)) {
        const stored = (request.json as Record<string, unknown>[]).map((command, index) => ({
          id: `7000000000000000${String(index).padStart(2, "0")}`,
          application_id: IDS.application,
          version: "1",
          default_member_permissions: null,
          type: 1,
          nsfw: false,
          integration_types: [0],
          contexts: null,
          ...(guild ? { guild_id: guild } : {}),
          ...command,
        }));
        if (guild) this.commands.guilds.set(guild, stored);
        else this.commands.global = stored;
        json(response, 200, stored);
        return;
      }
    }
    json(response, 404, { message: "404: Not Found", code: 0 });
  }
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function empty(response: ServerResponse): void {
  response.writeHead(204);
  response.end();
}

/** A message object as Discord returns it for a webhook send or edit. */
function messageFrom(body: unknown) {
  const data = (body ?? {}) as Record<string, unknown>;
  return {
    id: `8${Date.now()}`,
    channel_id: IDS.channel,
    type: 19,
    content: data.content ?? "",
    author: BOT_USER,
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: data.flags ?? 0,
    application_id: IDS.application,
    webhook_id: IDS.application,
  };
}

/** JSON, or multipart/form-data with `payload_json` and `files[n]` (as discord.js sends files). */
export async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith("multipart/form-data")) {
    const form = await new Request("http://127.0.0.1/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: raw,
    }).formData();
    const files: RecordedFile[] = [];
    let body: unknown;
    for (const [field, value] of form) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value);
      } else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type,
          bytes: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString("utf8")), files: [] };
}
