/**
 * A local stand-in for Slack, on 127.0.0.1 only: the Web API (`POST /api/<method>`, the methods
 * this app uses), response_url sinks (which can be told to fail), the file upload endpoint that
 * files.getUploadURLExternal hands out, and a Socket Mode WebSocket (hello, envelopes, acks by
 * envelope_id). It records everything that arrives so tests can assert on it.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface FakeSlackOptions {
  readonly botToken: string;
  /** Enables apps.connections.open for this app-level token. */
  readonly appToken?: string;
}

/** One Web API call as it arrived. */
export interface ApiCall {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  /** From the Authorization header, or the `token` parameter. */
  readonly token: string | undefined;
}

/** One message posted to a response_url sink. */
interface ArrivedResponse {
  /** The sink's id (the last path segment of its URL). */
  readonly sink: string;
  readonly body: SlackResponseBody;
}

export interface SlackResponseBody {
  readonly response_type?: string;
  readonly replace_original?: boolean;
  readonly text?: string;
  readonly blocks?: readonly FakeBlock[];
}

/** Loosely typed blocks as they arrive; tests read the fields they care about. */
export interface FakeBlock {
  readonly type: string;
  readonly text?: { readonly type: string; readonly text: string };
  readonly elements?: readonly {
    readonly type: string;
    readonly text?: string | { readonly text: string };
    readonly action_id?: string;
    readonly value?: string;
  }[];
}

interface ArrivedUpload {
  readonly fileId: string;
  readonly bytes: Buffer;
  readonly contentType: string;
}

interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

export interface FakeSlack {
  /** The Web API base to give the app, e.g. `http://127.0.0.1:1234/api/`. */
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ArrivedResponse[];
  readonly uploads: ArrivedUpload[];
  readonly acks: SocketAck[];
  /** A new response_url sink; what is posted to it lands in `responses` under `sink`. */
  responseUrl(sink?: string): string;
  /** Messages that arrived at one sink, in order. */
  responsesTo(sink: string): SlackResponseBody[];
  /** Makes a sink answer its next `times` posts with HTTP `status` (a Slack outage). */
  failResponses(sink: string, times: number, status?: number): void;
  /** Posts a sink refused because of {@link failResponses}, with when they arrived. */
  readonly refused: { readonly sink: string; readonly status: number; readonly at: number }[];
  /** Resolves with `probe()`'s first defined value, re-checked whenever anything arrives. */
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  /** Socket Mode: the connections the app opened. */
  socketConnections(): number;
  /** Sends an envelope over the app's Socket Mode connection; resolves with the app's ack. */
  sendEnvelope(type: string, payload: unknown): Promise<SocketAck>;
  close(): Promise<void>;
}

export const FAKE_TEAM_ID = "T0SEMINAR";
const FAKE_BOT_USER = "U0BOT";

export async function startFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  const events = new EventEmitter();
  const calls: ApiCall[] = [];
  const responses: ArrivedResponse[] = [];
  const uploads: ArrivedUpload[] = [];
  const acks: SocketAck[] = [];
  const refused: { sink: string; status: number; at: number }[] = [];
  const failing = new Map<string, { times: number; status: number }>();
  const pendingFiles = new Map<string, string>();
  const sockets = new Set<WebSocket>();
  let nextId = 1;
  let base = "";
  const changed = (): void => {
    events.emit("change");
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) =>
      json(response, 500, { ok: false, error: String(error) }),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", base);
    const body = await read(request);
    const [, area, name] = url.pathname.split("/");
    if (request.method !== "POST") {
      json(response, 405, { ok: false, error: "method_not_allowed" });
    } else if (area === "api" && name) {
      json(response, 200, api(name, request, body));
    } else if (area === "response" && name && (failing.get(name)?.times ?? 0) > 0) {
      const failure = failing.get(name) as { times: number; status: number };
      failure.times--;
      refused.push({ sink: name, status: failure.status, at: Date.now() });
      json(response, failure.status, { ok: false, error: "fake_outage" });
    } else if (area === "response" && name) {
      responses.push({ sink: name, body: JSON.parse(body.toString("utf8")) as SlackResponseBody });
      json(response, 200, { ok: true });
    } else if (area === "upload" && name) {
      const contentType = request.headers["content-type"] ?? "";
      const bytes = contentType.startsWith("multipart/form-data")
        ? await multipartFile(body, contentType)
        : body;
      uploads.push({ fileId: name, bytes, contentType });
      response.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${bytes.length}`);
    } else {
      json(response, 404, { ok: false, error: "not_found" });
    }
    changed();
  }

  /** A Web API method's reply; Slack answers HTTP 200 with `ok: false` for errors. */
  function api(method: string, request: IncomingMessage, body: Buffer): Record<string, unknown> {
    const params = parseParams(request.headers["content-type"], body);
    const header = request.headers.authorization;
    const token = header?.startsWith("Bearer ") ? header.slice(7) : params.token;
    calls.push({ method, params, token });
    const invalidAuth = { ok: false, error: "invalid_auth" };
    const bot = token === options.botToken;
    switch (method) {
      case "auth.test":
        if (!bot) return invalidAuth;
        return {
          ok: true,
          url: `${base}/`,
          team: "Seminar",
          user: "debate-prep",
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER,
          bot_id: "B0BOT",
        };
      case "apps.connections.open":
        if (!options.appToken || token !== options.appToken) return invalidAuth;
        return { ok: true, url: `${base.replace(/^http/, "ws")}/socket-mode?ticket=${nextId++}` };
      case "conversations.open":
        if (!bot) return invalidAuth;
        return { ok: true, channel: { id: `D${params.users ?? "NOBODY"}` } };
      case "files.getUploadURLExternal": {
        if (!bot) return invalidAuth;
        if (!params.filename || !params.length) return { ok: false, error: "invalid_arguments" };
        const fileId = `F${String(nextId++).padStart(6, "0")}`;
        pendingFiles.set(fileId, params.filename);
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        if (!bot) return invalidAuth;
        const files = JSON.parse(params.files ?? "[]") as { id: string; title?: string }[];
        const missing = files.find(
          (f) => !pendingFiles.has(f.id) || !uploads.some((u) => u.fileId === f.id),
        );
        if (files.length === 0 || missing) return { ok: false, error: "file_not_found" };
        return {
          ok: true,
          files: files.map((f) => ({
            id: f.id,
            title: f.title ?? pendingFiles.get(f.id),
            name: pendingFiles.get(f.id),
          })),
        };
      }
      case "views.open":
        if (!bot) return invalidAuth;
        if (!params.trigger_id || !params.view) return { ok: false, error: "invalid_arguments" };
        return { ok: true, view: { id: `V${nextId++}`, ...(JSON.parse(params.view) as object) } };
      case "chat.postMessage":
      case "chat.postEphemeral":
        return bot ? { ok: true, ts: `${Date.now() / 1000}` } : invalidAuth;
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (request, socket, head) => {
    if (!(request.url ?? "").startsWith("/socket-mode")) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      // Slack pings; the client gives up on a silent server after 30 s.
      const ping = setInterval(() => ws.ping(), 5_000);
      ping.unref();
      ws.on("close", () => {
        clearInterval(ping);
        sockets.delete(ws);
        changed();
      });
      ws.on("message", (data) => {
        acks.push(JSON.parse(data.toString()) as SocketAck);
        changed();
      });
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: sockets.size,
          debug_info: { host: "fake-slack", build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: "A0FAKE" },
        }),
      );
      changed();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlack = {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    uploads,
    acks,
    responseUrl: (sink = randomUUID()) => `${base}/response/${sink}`,
    responsesTo: (sink) => responses.filter((r) => r.sink === sink).map((r) => r.body),
    failResponses: (sink, times, status = 500) => {
      failing.set(sink, { times, status });
    },
    refused,
    waitFor<T>(
      probe: () => T | undefined | false,
      timeoutMs = 10_000,
      what = "the expected Slack traffic",
    ): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const value = probe();
          if (value === undefined || value === false) return;
          cleanup();
          resolve(value);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          events.off("change", check);
        };
        events.on("change", check);
        check();
      });
    },
    socketConnections: () => sockets.size,
    sendEnvelope(type, payload) {
      const [socket] = sockets;
      if (!socket)
        return Promise.reject(new Error("fake Slack: the app has no Socket Mode connection"));
      const envelopeId = randomUUID();
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type,
          accepts_response_payload: type !== "events_api",
        }),
      );
      return fake.waitFor(
        () => acks.find((a) => a.envelope_id === envelopeId),
        5_000,
        `the ack of envelope ${envelopeId}`,
      );
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response
    .writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    })
    .end(text);
}

async function read(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseParams(contentType: string | undefined, body: Buffer): Record<string, string> {
  const text = body.toString("utf8");
  if (contentType?.startsWith("application/json")) {
    const parsed = JSON.parse(text || "{}") as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** The first file part of a multipart body (the Web API client uploads files that way). */
async function multipartFile(body: Buffer, contentType: string): Promise<Buffer> {
  const form = await new Response(new Uint8Array(body), {
    headers: { "content-type": contentType },
  }).formData();
  for (const [, value] of form)
    if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  return Buffer.alloc(0);
}
